"""An instructor makes a course's final assessment required in the Wagtail editor: a
question bank (multiple choice and true or false), draw size, time limit, pass mark and
the practical part."""

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import streamfield

from course_pages.models import CoursePage
from enrolment.assessments.reader import final_assessment

from .test_instructor_permissions import add_url, course_form


def assessment_form(draw_size="1"):
    questions = streamfield(
        [
            (
                "question",
                {
                    "text": "Quelle base pour une peau grasse ?",
                    "kind": "single",
                    "choices": streamfield(
                        [
                            ("choice", {"text": "Matifiante", "is_correct": "on"}),
                            ("choice", {"text": "Huileuse"}),
                        ]
                    ),
                    "explanation": "",
                },
            ),
            (
                "true_false",
                {"text": "On nettoie la peau avant.", "is_true": "on", "explanation": ""},
            ),
        ]
    )
    return streamfield(
        [
            (
                "assessment",
                {
                    "instructions": "Sans vos notes.",
                    "questions": questions,
                    "draw_size": draw_size,
                    "time_limit_minutes": "15",
                    "pass_mark": "60",
                    "practical_required": "on",
                },
            )
        ]
    )


@pytest.mark.django_db
def test_instructor_requires_a_final_assessment_for_her_course(client, site, awa):
    user, page = awa
    client.force_login(user)

    response = client.post(
        add_url(CoursePage, site["catalogue"]),
        course_form(page, site["category"], final_assessment=assessment_form()),
    )

    assert response.status_code == 302
    course = CoursePage.objects.get(slug="tresses-africaines").get_latest_revision_as_object()
    with translation.override("fr"):
        assessment = final_assessment(course)
    assert (assessment.draw_size, assessment.time_limit_minutes, assessment.pass_mark) == (
        1,
        15,
        60,
    )
    assert assessment.practical_required
    texts = [(q.text, sorted(q.choices.values())) for q in assessment.questions.values()]
    assert texts == [
        ("Quelle base pour une peau grasse ?", ["Huileuse", "Matifiante"]),
        ("On nettoie la peau avant.", ["Faux", "Vrai"]),
    ]


@pytest.mark.django_db
def test_drawing_more_questions_than_the_bank_holds_is_refused(client, site, awa):
    user, page = awa
    client.force_login(user)

    response = client.post(
        add_url(CoursePage, site["catalogue"]),
        course_form(page, site["category"], final_assessment=assessment_form(draw_size="3")),
    )

    assert response.status_code == 200
    assert "Tirez au plus autant de questions que la banque en contient (2)." in (
        response.content.decode()
    )
    assert not CoursePage.objects.filter(slug="tresses-africaines").exists()
