"""Bad input in the editor is refused with a clear message and saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from course_pages.blocks import QuestionBlock
from course_pages.models import CoursePage, CurriculumIndexPage, CurriculumPage

from .builders import build_site, make_course, make_instructor


@pytest.fixture
def site(db):
    data = build_site()
    _, data["teacher"] = make_instructor("aicha@example.cm", index=data["instructors"])
    return data


def question(*correct_flags, kind="single"):
    block = QuestionBlock()
    return block.to_python(
        {
            "text": "Quelle base ?",
            "kind": kind,
            "choices": [
                {"type": "choice", "value": {"text": f"Choix {n}", "is_correct": flag}}
                for n, flag in enumerate(correct_flags)
            ],
            "explanation": "",
        }
    )


def test_a_question_without_a_correct_answer_is_refused():
    with pytest.raises(StructBlockValidationError) as refused:
        QuestionBlock().clean(question(False, False))

    assert "Indiquez au moins une bonne réponse." in str(refused.value.block_errors["choices"])


def test_a_single_choice_question_with_two_correct_answers_is_refused():
    with pytest.raises(StructBlockValidationError):
        QuestionBlock().clean(question(True, True))

    assert QuestionBlock().clean(question(True, True, kind="multiple"))


@pytest.mark.django_db
def test_a_negative_price_is_refused(site):
    course = make_course(site["catalogue"], site["teacher"], price_xaf=1000)
    course.price_xaf = -500

    with pytest.raises(ValidationError) as refused:
        course.full_clean()

    assert "price_xaf" in refused.value.message_dict
    assert CoursePage.objects.get(pk=course.pk).price_xaf == 1000


@pytest.mark.django_db
def test_circular_prerequisites_are_refused_with_the_circle_named(site):
    basics = make_course(site["catalogue"], site["teacher"], title="Bases", slug="bases")
    bridal = make_course(
        site["catalogue"],
        site["teacher"],
        title="Mariée",
        slug="mariee",
        prerequisites=[("course", basics)],
    )
    basics.prerequisites = [("course", bridal)]

    with pytest.raises(ValidationError) as refused:
        basics.full_clean()

    message = " ".join(refused.value.message_dict["prerequisites"])
    assert "tournent en rond" in message and "Bases → Mariée → Bases" in message


@pytest.mark.django_db
def test_a_curriculum_that_puts_a_course_before_its_prerequisite_is_refused(site):
    basics = make_course(site["catalogue"], site["teacher"], title="Bases", slug="bases")
    bridal = make_course(
        site["catalogue"],
        site["teacher"],
        title="Mariée",
        slug="mariee",
        prerequisites=[("course", basics)],
    )
    index = site["home"].add_child(instance=CurriculumIndexPage(title="Parcours", slug="parcours"))
    path = CurriculumPage(title="Pro", slug="pro", courses=[("course", bridal), ("course", basics)])

    with pytest.raises(ValidationError) as refused:
        path.full_clean()

    assert "«\u00a0Mariée\u00a0» exige «\u00a0Bases\u00a0», qui vient après" in " ".join(
        refused.value.message_dict["courses"]
    )
    assert not CurriculumPage.objects.exists()
    assert index.pk
