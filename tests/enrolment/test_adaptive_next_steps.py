"""Adaptive next steps: an instructor's score-band rules on a quiz, checked when the
lesson is saved; after a quiz the student reads why and where to go; a lesson tested out
is marked so on the course page."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from course_pages.models import LessonPage
from enrolment.models import LessonProgress

from ..course_pages.builders import make_lesson
from .conftest import QUIZ
from .test_progress_and_quizzes import post_quiz, quiz_ids

pytestmark = pytest.mark.django_db


def step(low, high, action, target):
    return ("step", {"min_percent": low, "max_percent": high, "action": action, "lesson": target})


def with_rules(page, *steps):
    """Publish the quiz lesson with these next steps, as the editor would."""
    page = LessonPage.objects.get(pk=page.pk)
    name, value = QUIZ
    page.body = [(name, {**value, "next_steps": list(steps)})]
    page.save_revision().publish()
    return LessonPage.objects.get(pk=page.pk)


@pytest.fixture
def rules(course_site):
    """Under 50 %: review "Les outils"; 90 % or more: "Pratique" is tested out."""
    return with_rules(
        course_site["quiz"],
        step(0, 49, "review", course_site["reading"]),
        step(90, 100, "test_out", course_site["work"]),
    )


def fail(client, page):
    ids = quiz_ids(page)
    return post_quiz(client, page, {"single": [ids["single_wrong"]]})


def ace(client, page):
    ids = quiz_ids(page)
    return post_quiz(
        client, page, {"single": [ids["single_right"]], "multiple": ids["multiple_right"]}
    )


def test_a_low_score_suggests_the_review_lesson_and_says_why(client, course_site, enrolled, rules):
    client.force_login(enrolled)

    page = fail(client, rules).content.decode()

    assert "Votre score\u00a0: 0/2. Nous vous suggérons de revoir «\u00a0Les outils\u00a0»." in page
    assert f'href="{course_site["reading"].url}"' in page
    assert not LessonProgress.objects.filter(reason=LessonProgress.Reason.TESTED_OUT).exists()


def test_the_reason_reads_in_english(client, course_site, enrolled, rules):
    client.force_login(enrolled)
    ids = quiz_ids(rules)

    response = client.post(
        f"/en/learn/lesson/{rules.pk}/quiz/{ids['quiz']}/",
        {f"q-{ids['single']}": ids["single_wrong"]},
    )

    assert "Your score: 0/2. We suggest reviewing “Les outils”." in response.content.decode()


def test_a_high_score_tests_out_the_next_lesson_and_offers_to_skip_it(
    client, course_site, enrolled, rules
):
    finishing = make_lesson(course_site["course"], title="Finitions", slug="finitions")
    client.force_login(enrolled)

    page = ace(client, rules).content.decode()

    assert "Vous avez validé «\u00a0Pratique\u00a0» par votre score" in page
    assert f'href="{finishing.url}"' in page
    progress = LessonProgress.objects.get(lesson=course_site["work"])
    assert progress.reason == LessonProgress.Reason.TESTED_OUT
    course_page = client.get(course_site["course"].url).content.decode()
    assert "Validé par un quiz" in course_page


def test_a_score_no_rule_covers_says_nothing_more(client, course_site, enrolled, rules):
    client.force_login(enrolled)
    ids = quiz_ids(rules)

    page = post_quiz(
        client, rules, {"single": [ids["single_right"]], "multiple": [ids["multiple_right"][0]]}
    ).content.decode()

    assert 'id="next-step"' not in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_rule_pointing_to_another_courses_lesson_is_refused_on_save(course_site, language):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        with_rules(course_site["quiz"], step(0, 49, "review", course_site["paid_lesson"]))

    expected = {
        "fr": "«\u00a0Leçon payante\u00a0» n'est pas une leçon de ce cours",
        "en": "“Leçon payante” is not a lesson of this course",
    }[language]
    assert expected in " ".join(refused.value.messages)
    assert not LessonPage.objects.get(pk=course_site["quiz"].pk).body[0].value.get("next_steps")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_rule_making_a_loop_is_refused_on_save(course_site, language):
    second = make_lesson(course_site["course"], title="Quiz 2", slug="quiz-2", body=[QUIZ])
    with_rules(second, step(0, 49, "review", course_site["quiz"]))

    with translation.override(language), pytest.raises(ValidationError) as refused:
        with_rules(course_site["quiz"], step(0, 49, "next", second))

    expected = {
        "fr": "Ces étapes tournent en rond\u00a0: Quiz → Quiz 2 → Quiz.",
        "en": "These next steps go round in a circle: Quiz → Quiz 2 → Quiz.",
    }[language]
    assert expected in " ".join(refused.value.messages)


def test_a_lesson_cannot_send_back_to_itself(course_site):
    with pytest.raises(ValidationError) as refused:
        with_rules(course_site["quiz"], step(0, 49, "review", course_site["quiz"]))

    assert "Quiz → Quiz" in " ".join(refused.value.messages)


def test_an_upside_down_band_is_refused(course_site):
    with pytest.raises(ValidationError) as refused:
        with_rules(course_site["quiz"], step(80, 20, "review", course_site["reading"]))

    assert "80\u00a0% à 20\u00a0%" in " ".join(refused.value.messages)
