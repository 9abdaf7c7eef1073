"""Who may schedule which session, and the bad input refused with a clear, translated
answer that stores nothing."""

import pytest
from django.utils import translation

from live import scheduling
from live.errors import InvalidInput, NotAllowed
from live.models import LiveSession

from ..community.conftest import make_group
from .conftest import make_session, soon


def test_the_instructor_schedules_a_class_of_her_course_shown_in_douala_time(people):
    session = make_session(people, "class", starts_at=soon(days=3), capacity=12)
    assert session.course_id == people["course"].pk
    assert session.host == people["teacher"]
    assert session.status == LiveSession.Status.SCHEDULED
    assert session.ends_at - session.starts_at == scheduling.timedelta(minutes=60)
    with translation.override("en"):
        assert session.title == "Live braids"
    with translation.override("fr"):
        assert session.title == "Tresses en direct"


def test_the_group_owner_schedules_a_practice_session_and_a_moderator_an_expert_qa(people):
    practice = make_session(people, "practice")
    qa = make_session(people, "expert_qa", starts_at=soon(days=4))
    assert practice.group_id == people["group"].pk and practice.course_id is None
    assert qa.host == people["moderator"]


@pytest.mark.parametrize(
    ("kind", "host", "message"),
    [
        (
            "class",
            "stranger",
            "Vous ne pouvez programmer des cours que pour vos propres formations.",
        ),
        (
            "class",
            "moderator",
            "Vous ne pouvez programmer des cours que pour vos propres formations.",
        ),
        (
            "practice",
            "classmate",
            "Seule la personne qui gère le groupe peut programmer ses séances d'entraînement.",
        ),
        (
            "expert_qa",
            "teacher",
            "Seuls les modérateurs de l'académie peuvent programmer une séance de questions-réponses avec un expert.",
        ),
    ],
)
def test_who_may_not_schedule_is_told_why_and_nothing_is_stored(people, kind, host, message):
    with pytest.raises(NotAllowed) as refused:
        make_session(people, kind, host=people[host])
    assert refused.value.message == message
    assert not LiveSession.objects.exists()


def test_a_group_that_is_not_hers_is_refused(people):
    other = make_group(people, owner=people["graduate"], name="Ongles Yaoundé", town="yaounde")
    with pytest.raises(NotAllowed):
        make_session(people, "practice", group=other)
    assert not LiveSession.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_at": soon(hours=-1)}, "Choisissez une heure de début dans le futur."),
        ({"capacity": 0}, "Une séance a entre 1 et 20 places."),
        ({"capacity": 21}, "Une séance a entre 1 et 20 places."),
        ({"duration_minutes": 10}, "Une séance dure entre 15 et 180 minutes."),
        ({"duration_minutes": 181}, "Une séance dure entre 15 et 180 minutes."),
        ({"title_en": "  "}, "Donnez à la séance un titre en anglais."),
        ({"title_fr": ""}, "Donnez à la séance un titre en français."),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_stored(people, fields, message):
    with pytest.raises(InvalidInput) as refused:
        make_session(people, "class", **fields)
    assert refused.value.message == message
    assert not LiveSession.objects.exists()


def test_an_overlap_with_the_hosts_other_session_is_refused_in_english(people):
    first = make_session(people, "class", starts_at=soon(days=2), duration_minutes=90)
    with translation.override("en"), pytest.raises(InvalidInput) as refused:
        make_session(people, "class", starts_at=first.starts_at + scheduling.timedelta(minutes=60))
    assert refused.value.message == "You already host a session at that time. Choose another time."
    assert LiveSession.objects.count() == 1
    # Right after the end is fine.
    make_session(people, "class", starts_at=first.ends_at)
    assert LiveSession.objects.count() == 2


def test_another_hosts_session_at_the_same_time_is_no_overlap(people):
    first = make_session(people, "class")
    make_session(people, "practice", starts_at=first.starts_at)
    assert LiveSession.objects.count() == 2
