"""Registering (who may), the waiting list that moves up when someone cancels, the
host cancelling everyone, and what each person is told (with the calendar file)."""

import pytest
from django.utils import translation

from live import registration, scheduling
from live.errors import InvalidInput, NotAllowed
from live.models import Registration
from notifications.models import Notification, OutboundMessage

from ..conftest import make_person
from .conftest import enrolled_student, make_session


def _register(user, session, capture):
    with capture(execute=True):
        return registration.register(user=user, session=session)


def test_an_enrolled_student_registers_and_gets_a_confirmation_with_the_calendar_file(
    people, django_capture_on_commit_callbacks
):
    session = make_session(people, "class")
    mine = _register(people["founder"], session, django_capture_on_commit_callbacks)
    assert mine.status == Registration.Status.REGISTERED
    notice = Notification.objects.get(user=people["founder"], kind="live_registered")
    assert notice.title.startswith("Place confirmée\u00a0: Tresses en direct")
    assert notice.url == f"/fr/live/{session.pk}/"
    mail = OutboundMessage.objects.get(recipient=people["founder"].email)
    (attachment,) = mail.attachments
    assert attachment["filename"] == "seance-en-direct.ics"
    assert attachment["mimetype"] == "text/calendar"
    assert "BEGIN:VEVENT" in attachment["content"]
    assert f"UID:live-{session.meeting_id}@" in attachment["content"]


def test_an_english_speaker_is_told_in_english(people, django_capture_on_commit_callbacks):
    session = make_session(people, "expert_qa")
    john = make_person("john@example.cm", first_name="John", preferred_language="en")
    _register(john, session, django_capture_on_commit_callbacks)
    notice = Notification.objects.get(user=john, kind="live_registered")
    assert notice.title.startswith("Place confirmed: Live braids")
    assert notice.url == f"/en/live/{session.pk}/"


@pytest.mark.parametrize(
    ("kind", "who", "message"),
    [
        (
            "class",
            "stranger",
            "Ce cours est réservé aux élèves de la formation. Inscrivez-vous d'abord à la formation.",
        ),
        (
            "class",
            "graduate",
            "Ce cours est réservé aux élèves de la formation. Inscrivez-vous d'abord à la formation.",
        ),
        (
            "practice",
            "stranger",
            "Cette séance d'entraînement est réservée aux membres du groupe. Rejoignez d'abord le groupe.",
        ),
        ("class", "teacher", "Vous animez cette séance\u00a0: inutile de vous inscrire."),
    ],
)
def test_who_may_not_register_is_told_why_and_nothing_is_stored(people, kind, who, message):
    session = make_session(people, kind)
    with pytest.raises(NotAllowed) as refused:
        registration.register(user=people[who], session=session)
    assert refused.value.message == message
    assert not Registration.objects.exists()


def test_group_members_and_any_member_for_a_qa_may_register(
    people, django_capture_on_commit_callbacks
):
    practice = make_session(people, "practice")
    qa = make_session(people, "expert_qa")
    _register(people["classmate"], practice, django_capture_on_commit_callbacks)
    _register(people["stranger"], qa, django_capture_on_commit_callbacks)
    assert Registration.objects.filter(status=Registration.Status.REGISTERED).count() == 2


def test_registering_twice_is_refused(people, django_capture_on_commit_callbacks):
    session = make_session(people, "class")
    _register(people["founder"], session, django_capture_on_commit_callbacks)
    with pytest.raises(InvalidInput) as refused:
        registration.register(user=people["founder"], session=session)
    assert refused.value.message == "Vous êtes déjà inscrite."


def test_past_capacity_people_wait_and_move_up_in_order_when_someone_cancels(
    people, django_capture_on_commit_callbacks
):
    session = make_session(people, "class", capacity=2)
    students = [enrolled_student(people, f"eleve{n}@example.cm") for n in range(4)]
    answers = [_register(s, session, django_capture_on_commit_callbacks) for s in students]
    assert [a.status for a in answers] == ["registered", "registered", "waiting", "waiting"]
    waiting = Notification.objects.get(user=students[2], kind="live_waiting")
    assert waiting.title.startswith("Liste d'attente")

    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel(user=students[0], session=session)
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        "eleve0@example.cm": "cancelled",
        "eleve1@example.cm": "registered",
        "eleve2@example.cm": "registered",
        "eleve3@example.cm": "waiting",
    }
    promoted = Notification.objects.get(user=students[2], kind="live_registered")
    assert promoted.title.startswith("Place confirmée")
    assert (
        "Une place s'est libérée"
        in OutboundMessage.objects.filter(
            recipient="eleve2@example.cm", subject__startswith="Place"
        )
        .get()
        .body_text
    )

    # Leaving the waiting list frees nobody's place.
    registration.cancel(user=students[3], session=session)
    assert Registration.objects.filter(status="registered").count() == 2


def test_cancelling_what_one_does_not_hold_is_refused(people):
    session = make_session(people, "class")
    with translation.override("en"), pytest.raises(InvalidInput) as refused:
        registration.cancel(user=people["founder"], session=session)
    assert refused.value.message == "You are not registered for this session."


def test_a_paid_session_is_registered_for_through_checkout_only(people):
    session = make_session(people, "class", price_xaf=2000)
    with pytest.raises(InvalidInput) as refused:
        registration.register(user=people["founder"], session=session)
    assert refused.value.message.startswith("Cette séance est payante\u00a0: payez votre place")
    assert not Registration.objects.exists()


def test_the_instructor_cancelling_cancels_everyone_and_tells_them(
    people, django_capture_on_commit_callbacks
):
    session = make_session(people, "class", capacity=1)
    waiting = enrolled_student(people, "attente@example.cm")
    _register(people["founder"], session, django_capture_on_commit_callbacks)
    _register(waiting, session, django_capture_on_commit_callbacks)

    with pytest.raises(NotAllowed):
        scheduling.cancel_session(by=people["founder"], session=session)
    scheduling.cancel_session(by=people["teacher"], session=session)

    assert set(Registration.objects.values_list("status", flat=True)) == {"cancelled"}
    for person in (people["founder"], waiting):
        told = Notification.objects.get(user=person, kind="live_cancelled")
        assert told.title.startswith("Annulée\u00a0: Tresses en direct")
    mail = OutboundMessage.objects.filter(
        recipient=people["founder"].email, subject__startswith="Annulée"
    ).get()
    assert "METHOD:CANCEL" in mail.attachments[0]["content"]
    with pytest.raises(InvalidInput) as refused:
        registration.register(user=enrolled_student(people, "tard@example.cm"), session=session)
    assert refused.value.message == "Cette séance est annulée\u00a0: les inscriptions sont fermées."
