"""My learning's lists are kept per person between visits (enrolment/my_learning_kept.py,
rendered too; the count of work waiting for her review, enrolment/reviews_waiting.py):
each student sees her own, and what she does (enrol, open or finish a lesson, hand in
work), what is decided about it (a verdict, a revoked access, work passed on to the
instructor) and what is published shows on her next visit (issue 19)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from enrolment import services
from enrolment.models import Enrolment, Submission

from ..query_counts import counted_queries
from ..redis_round_trips import round_trips
from .conftest import lesson, signed_in
from .test_practice_work import classmate, hand_in, review

pytestmark = pytest.mark.django_db


def my_learning(client):
    return client.get("/en/learn/").content.decode()


def test_a_second_visit_reads_neither_her_enrolments_nor_her_progress(course_site, enrolled):
    client = signed_in(enrolled)
    my_learning(client)
    with counted_queries() as again:
        assert "Teint parfait" in my_learning(client)
    read = " ".join(again)
    assert "enrolment_lessonprogress" not in read
    assert 'FROM "enrolment_enrolment" WHERE' not in read


def test_two_students_each_see_their_own_progress(course_site, enrolled):
    other = classmate(course_site, "b@example.cm")
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    hers, theirs = signed_in(enrolled), signed_in(other)
    assert 'value="25"' in my_learning(hers)
    assert 'value="0"' in my_learning(theirs)

    services.mark_complete(user=other, lesson=lesson(course_site["reading"]))
    services.mark_complete(user=other, lesson=lesson(course_site["preview"]))
    assert 'value="50"' in my_learning(theirs)
    assert 'value="25"' in my_learning(hers)


def test_a_lesson_finished_or_opened_shows_on_the_next_visit(course_site, enrolled):
    client = signed_in(enrolled)
    assert 'value="0"' in my_learning(client)
    client.post(f"/en/learn/lesson/{course_site['preview'].pk}/done/")
    page = my_learning(client)
    assert 'value="25"' in page
    assert "Resume → Les outils" in page.replace("&nbsp;", " ")

    client.get(course_site["quiz"].url)
    assert "Resume → Quiz" in my_learning(client)


def test_an_enrolment_made_or_revoked_shows_on_the_next_visit(course_site, enrolled):
    client = signed_in(enrolled)
    assert "Mariée" not in my_learning(client)
    Enrolment.objects.create(user=enrolled, course=course_site["paid"])
    assert "Mariée" in my_learning(client)

    services.revoke(user=enrolled, course=course_site["paid"])
    assert "Mariée" not in my_learning(client)


def test_practice_work_and_its_status_show_on_the_next_visit(course_site, enrolled):
    client = signed_in(enrolled)
    assert "My practice work" not in my_learning(client)
    submission = hand_in(enrolled, course_site)
    page = my_learning(client)
    assert "My practice work" in page and "Waiting for peer reviews" in page

    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=timezone.now() - timedelta(days=3, minutes=1)
    )
    services.escalate_waiting_submissions()
    assert "Waiting for the instructor" in my_learning(client)


def test_a_lesson_renamed_and_published_shows_on_the_next_visit(course_site, enrolled):
    client = signed_in(enrolled)
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    assert "Resume → Les outils" in my_learning(client)
    reading = lesson(course_site["reading"])
    reading.title = "Les pinceaux"
    reading.save_revision().publish()
    assert "Resume → Les pinceaux" in my_learning(client)


# My learning seen again on Redis: the session, the tag versions, her lists, the count
# waiting for her review, the candidates, the locales, the recommended pages, her week,
# the header's two counts, the site's route generation and site, the chrome, her kept
# lists rendered.
MY_LEARNING_ROUND_TRIPS = 14


def test_a_second_visit_counts_no_work_and_keeps_to_its_round_trips(
    course_site, enrolled, monkeypatch
):
    client = signed_in(enrolled)
    my_learning(client)
    sent = round_trips(monkeypatch)
    with counted_queries() as again:
        assert "Teint parfait" in my_learning(client)
    assert not [sql for sql in again if "enrolment_submission" in sql]
    if settings.REDIS_URL:
        assert len(sent) <= MY_LEARNING_ROUND_TRIPS


def test_classmates_work_waiting_for_her_review_shows_on_the_next_visit(course_site, enrolled):
    client = signed_in(enrolled)
    waiting = "work is waiting for your review"
    assert waiting not in my_learning(client)
    first = hand_in(classmate(course_site, "b@example.cm"), course_site)
    assert "1 classmate's work is waiting for your review." in my_learning(client)
    hand_in(classmate(course_site, "c@example.cm"), course_site)
    assert "2 pieces of classmates' work are waiting" in my_learning(client)

    review(enrolled, first)
    assert "1 classmate's work is waiting for your review." in my_learning(client)

    Submission.objects.update(submitted_at=timezone.now() - timedelta(days=3, minutes=1))
    services.escalate_waiting_submissions()
    assert waiting not in my_learning(client)
