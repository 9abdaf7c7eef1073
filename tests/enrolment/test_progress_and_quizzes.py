import pytest

from enrolment import services
from enrolment.errors import InvalidAnswer, NotAllowed, NotEnrolled
from enrolment.models import Enrolment, LessonProgress, QuizAttempt
from enrolment.signals import course_completed

from ..conftest import make_person
from .conftest import lesson


def quiz_ids(page):
    quiz = page.body[0]
    questions = quiz.value["questions"]
    single, multiple = questions[0], questions[1]
    return {
        "quiz": quiz.id,
        "single": single.id,
        "single_right": single.value["choices"][0].id,
        "single_wrong": single.value["choices"][1].id,
        "multiple": multiple.id,
        "multiple_right": [c.id for c in multiple.value["choices"][:2]],
    }


def post_quiz(client, page, answers):
    ids = quiz_ids(page)
    data = {}
    for question, choices in answers.items():
        data[f"q-{ids[question]}"] = choices
    return client.post(f"/fr/learn/lesson/{page.pk}/quiz/{ids['quiz']}/", data)


@pytest.mark.django_db
def test_marking_a_reading_lesson_done_records_progress(client, course_site, enrolled):
    client.force_login(enrolled)

    response = client.post(f"/fr/learn/lesson/{course_site['reading'].pk}/done/")

    assert response.status_code == 302
    assert response.url == course_site["quiz"].url
    assert LessonProgress.objects.filter(lesson=course_site["reading"]).count() == 1


@pytest.mark.django_db
def test_marking_done_without_enrolment_is_refused_and_changes_nothing(client, course_site):
    client.force_login(make_person("stranger@example.cm"))

    response = client.post(f"/fr/learn/lesson/{course_site['reading'].pk}/done/", follow=True)

    assert (
        "Inscrivez-vous d'abord à ce cours" in response.content.decode()
        or response.status_code == 403
    )
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_a_quiz_lesson_cannot_be_marked_done_by_hand(course_site, enrolled):
    with pytest.raises(NotAllowed):
        services.mark_complete(user=enrolled, lesson=lesson(course_site["quiz"]))

    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_passing_the_quiz_completes_the_lesson_and_shows_explanations(
    client, course_site, enrolled
):
    client.force_login(enrolled)
    ids = quiz_ids(course_site["quiz"])

    response = post_quiz(
        client,
        course_site["quiz"],
        {"single": [ids["single_right"]], "multiple": ids["multiple_right"]},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "100" in html and "Une base matifiante limite la brillance." in html
    attempt = QuizAttempt.objects.get()
    assert attempt.passed and attempt.score_percent == 100
    assert LessonProgress.objects.get().reason == LessonProgress.Reason.QUIZ


@pytest.mark.django_db
def test_failing_the_quiz_records_the_attempt_but_not_progress(client, course_site, enrolled):
    client.force_login(enrolled)
    ids = quiz_ids(course_site["quiz"])

    post_quiz(
        client,
        course_site["quiz"],
        {"single": [ids["single_wrong"]], "multiple": [ids["multiple_right"][0]]},
    )

    attempt = QuizAttempt.objects.get()
    assert attempt.score_percent == 0 and not attempt.passed
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_attempts_per_day_are_limited(course_site, enrolled):
    page = lesson(course_site["quiz"])
    ids = quiz_ids(page)
    answers = {ids["single"]: [ids["single_wrong"]]}
    for _ in range(2):
        services.submit_quiz(user=enrolled, lesson=page, quiz_id=ids["quiz"], answers=answers)

    with pytest.raises(NotAllowed):
        services.submit_quiz(user=enrolled, lesson=page, quiz_id=ids["quiz"], answers=answers)

    assert QuizAttempt.objects.count() == 2


@pytest.mark.parametrize(
    "tamper",
    [
        "unknown_question",
        "choice_of_other_question",
        "two_answers_to_single",
        "quiz_of_other_lesson",
    ],
)
@pytest.mark.django_db
def test_tampered_answers_are_refused_and_nothing_is_stored(course_site, enrolled, tamper):
    page = lesson(course_site["quiz"])
    ids = quiz_ids(page)
    quiz_id, answers, target = ids["quiz"], {}, page
    if tamper == "unknown_question":
        answers = {"not-a-question": [ids["single_right"]]}
    elif tamper == "choice_of_other_question":
        answers = {ids["single"]: [ids["multiple_right"][0]]}
    elif tamper == "two_answers_to_single":
        answers = {ids["single"]: [ids["single_right"], ids["single_wrong"]]}
    else:
        target = lesson(course_site["reading"])

    with pytest.raises(InvalidAnswer):
        services.submit_quiz(user=enrolled, lesson=target, quiz_id=quiz_id, answers=answers)

    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_quiz_of_a_course_one_is_not_enrolled_in_is_refused(course_site):
    stranger = make_person("stranger@example.cm")
    page = lesson(course_site["quiz"])

    with pytest.raises(NotEnrolled):
        services.submit_quiz(user=stranger, lesson=page, quiz_id=quiz_ids(page)["quiz"], answers={})


@pytest.mark.django_db
def test_course_completes_once_when_every_required_lesson_is_done(
    course_site, enrolled, django_capture_on_commit_callbacks
):
    from enrolment.models import Submission

    received = []

    def listener(sender, enrolment_id, **kwargs):
        received.append(enrolment_id)

    course_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for page in (course_site["preview"], course_site["reading"]):
                services.mark_complete(user=enrolled, lesson=lesson(page))
            quiz = lesson(course_site["quiz"])
            ids = quiz_ids(quiz)
            services.submit_quiz(
                user=enrolled,
                lesson=quiz,
                quiz_id=ids["quiz"],
                answers={
                    ids["single"]: [ids["single_right"]],
                    ids["multiple"]: ids["multiple_right"],
                },
            )
            from .conftest import photo_upload

            work = lesson(course_site["work"])
            submission = services.submit_assignment(
                user=enrolled,
                lesson=work,
                assignment_id=work.body[0].id,
                note="",
                uploads=[photo_upload()],
            )
            services.decide_submission(
                decided_by=course_site["teacher"],
                submission=submission,
                accepted=True,
                comment="Bravo",
            )
            services.mark_complete(user=enrolled, lesson=lesson(course_site["reading"]))
    finally:
        course_completed.disconnect(listener)

    enrolment = Enrolment.objects.get(user=enrolled)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert received == [enrolment.pk]
    assert Submission.objects.get().status == Submission.Status.ACCEPTED


@pytest.mark.django_db
def test_course_page_shows_progress_and_resume(client, course_site, enrolled):
    client.force_login(enrolled)
    client.get(course_site["reading"].url)
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))

    html = client.get(course_site["course"].url).content.decode()

    assert 'value="25"' in html
    assert f'href="{course_site["reading"].url}"' in html
