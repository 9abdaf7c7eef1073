"""What people do becomes events after the commit, with ids only."""

import pytest
from django.db import transaction
from django.db.models import Sum

from analytics.models import Event
from analytics.services import track
from enrolment import services

from ..conftest import make_person
from ..counting import drain_counts
from ..enrolment.conftest import lesson
from ..enrolment.test_progress_and_quizzes import quiz_ids

pytestmark = pytest.mark.django_db
K = Event.Kind


def kinds():
    return list(Event.objects.order_by("pk").values_list("kind", flat=True))


def test_learning_steps_become_events_with_ids_only(
    course_site, django_capture_on_commit_callbacks
):
    student = make_person("awa@example.cm", is_student=True)
    course = course_site["course"]
    reading = lesson(course_site["reading"])
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(user=student, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(user=student, lesson=reading)
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_complete(user=student, lesson=reading)
    assert kinds() == [K.ENROLLED, K.LESSON_OPENED, K.LESSON_DONE]
    done = Event.objects.get(kind=K.LESSON_DONE)
    assert (done.user_id, done.course_id, done.lesson_id) == (student.pk, course.pk, reading.pk)
    assert done.props == {}


def test_enrolling_twice_is_one_event(course_site, django_capture_on_commit_callbacks):
    student = make_person("awa@example.cm", is_student=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(user=student, course=course_site["course"])
        services.enrol(user=student, course=course_site["course"])
    assert kinds() == [K.ENROLLED]


def test_a_missed_question_records_the_wrong_answer_chosen(
    course_site, enrolled, django_capture_on_commit_callbacks
):
    quiz = lesson(course_site["quiz"])
    ids = quiz_ids(quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_quiz(
            user=enrolled,
            lesson=quiz,
            quiz_id=ids["quiz"],
            answers={ids["single"]: [ids["single_wrong"]], ids["multiple"]: ids["multiple_right"]},
        )
    miss = Event.objects.get(kind=K.QUIZ_MISS)
    assert miss.props == {
        "quiz": ids["quiz"],
        "question": ids["single"],
        "chosen": [ids["single_wrong"]],
    }
    assert (miss.user_id, miss.lesson_id) == (enrolled.pk, quiz.pk)


def test_nothing_is_written_when_the_transaction_rolls_back(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        track(K.ENROLLED, user_id=1, course_id=2)
        raise RuntimeError
    assert not Event.objects.exists()


def test_unbounded_properties_are_refused_and_nothing_is_written(db):
    with pytest.raises(ValueError):
        track(K.VIDEO_PROGRESS, user_id=1, course_id=2, props={"note": "x" * 500})
    with pytest.raises(ValueError):
        track(K.VIDEO_PROGRESS, props={str(n): n for n in range(20)})
    assert not Event.objects.exists()


def test_an_anonymous_course_view_counts_on_render_and_on_a_page_cache_hit(
    client, course_site, django_capture_on_commit_callbacks
):
    url = course_site["course"].url
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    drain_counts()
    views = Event.objects.filter(kind=K.COURSE_VIEW)
    assert views.aggregate(occurrences=Sum("times"))["occurrences"] == 2
    assert set(views.values_list("course_id", "user_id")) == {(course_site["course"].pk, None)}


def test_an_issued_certificate_is_one_event(
    course_site, enrolled, django_capture_on_commit_callbacks
):
    from certificates.services import issue_for_enrolment
    from enrolment.models import Enrolment

    enrolment = Enrolment.objects.get(user=enrolled)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        issue_for_enrolment(enrolment_id=enrolment.pk)
    with django_capture_on_commit_callbacks(execute=True):
        issue_for_enrolment(enrolment_id=enrolment.pk)
    issued = Event.objects.get(kind=K.CERTIFICATE_ISSUED)
    assert (issued.user_id, issued.course_id) == (enrolled.pk, course_site["course"].pk)
