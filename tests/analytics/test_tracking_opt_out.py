"""A person may turn usage statistics off in her profile: from then on, what she does
writes no event; others' events still count."""

import pytest
from django.test import RequestFactory

from analytics.models import Event
from directory.announcements import announce_search
from enrolment import signals as learning

from ..conftest import make_person
from ..counting import drain_counts

pytestmark = pytest.mark.django_db
K = Event.Kind


def profile(**overrides):
    return {"first_name": "Awa", "last_name": "Mbarga", "preferred_language": "fr", **overrides}


def opens_a_lesson(user, capture):
    with capture(execute=True):
        learning.lesson_opened.send(sender=None, user_id=user.pk, course_id=7, lesson_id=8)


def test_the_profile_offers_the_choice(client):
    awa = make_person("awa@example.cm", is_student=True)
    client.force_login(awa)
    page = client.get("/fr/account/profile/").content.decode()
    assert 'name="tracking_opt_out"' in page


def test_opting_out_stops_new_events_and_opting_in_starts_them_again(
    client, django_capture_on_commit_callbacks
):
    awa = make_person("awa@example.cm", is_student=True)
    other = make_person("binta@example.cm", is_student=True)
    opens_a_lesson(awa, django_capture_on_commit_callbacks)
    client.force_login(awa)

    answer = client.post("/fr/account/profile/", profile(tracking_opt_out="on"))
    assert answer.status_code == 302
    opens_a_lesson(awa, django_capture_on_commit_callbacks)
    opens_a_lesson(other, django_capture_on_commit_callbacks)
    assert list(Event.objects.values_list("user_id", flat=True).order_by("pk")) == [
        awa.pk,
        other.pk,
    ]

    client.post("/fr/account/profile/", profile())
    opens_a_lesson(awa, django_capture_on_commit_callbacks)
    assert Event.objects.filter(user_id=awa.pk).count() == 2


def test_a_bad_profile_form_changes_nothing(client):
    awa = make_person("awa@example.cm", is_student=True)
    client.force_login(awa)
    answer = client.post(
        "/fr/account/profile/", profile(preferred_language="xx", tracking_opt_out="on")
    )
    assert answer.status_code == 200 and answer.context["form"].errors
    awa.refresh_from_db()
    assert awa.tracking_opt_out is False


def searching(capture, **params):
    with capture(execute=True):
        announce_search(RequestFactory().get("/fr/annuaire/", params))
    drain_counts()
    return list(Event.objects.filter(kind=K.DIRECTORY_SEARCH).values_list("props", flat=True))


def test_a_directory_search_is_counted_once_without_the_person(
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    assert searching(capture) == []
    assert searching(capture, town="douala", category="braiding", page="2") == []
    assert searching(capture, town="douala", category="braiding") == [
        {"town": "douala", "service": "braiding"}
    ]
    Event.objects.all().delete()
    assert searching(capture, near="bafoussam", q="tresses") == [
        {"town": "bafoussam", "service": ""}
    ]
    assert Event.objects.get().user_id is None
