"""A bilingual course whose certificate requires a final assessment: a bank of five
questions (four multiple-choice, one true-or-false), three drawn per attempt, ten
minutes, pass mark 60 %, and a practical part (its one practice work, graded on the
rubric). Students get there the way the site takes them."""

import json

from demo.loaders import site as home_demo
from enrolment import services
from enrolment.assessments.reader import final_assessment
from enrolment.models import Enrolment

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..shared_build import built_once_per_module
from .conftest import ASSIGNMENT, lesson, photo_upload


def _choice_question(text, right, wrong):
    return (
        "question",
        {
            "text": text,
            "kind": "single",
            "choices": [
                ("choice", {"text": right, "is_correct": True}),
                ("choice", {"text": wrong, "is_correct": False}),
            ],
            "explanation": "",
        },
    )


QUESTIONS_FR = [
    _choice_question("Quelle base pour une peau grasse ?", "Matifiante", "Huileuse"),
    _choice_question("Quel outil pour estomper ?", "Éponge", "Peigne"),
    _choice_question("Quand fixer le teint ?", "À la fin", "Au début"),
    _choice_question("Quelle lumière pour maquiller ?", "Lumière du jour", "Néon rouge"),
    ("true_false", {"text": "On nettoie la peau avant le maquillage.", "is_true": True}),
]
QUESTIONS_EN = [
    "Which base for oily skin?",
    "Which tool to blend?",
    "When to set the complexion?",
    "Which light for make-up?",
    "The skin is cleansed before make-up.",
]

ASSESSMENT = (
    "assessment",
    {
        "instructions": "Répondez seule, sans vos notes.",
        "questions": QUESTIONS_FR,
        "draw_size": 3,
        "time_limit_minutes": 10,
        "pass_mark": 60,
        "practical_required": True,
    },
)


def _english_assessment(course):
    raw = json.loads(json.dumps(list(course.final_assessment.raw_data)))
    for question, text in zip(raw[0]["value"]["questions"], QUESTIONS_EN, strict=True):
        question["value"]["text"] = text
    raw[0]["value"]["instructions"] = "Answer alone, without your notes."
    return json.dumps(raw)


def build_exam_course():
    site = build_site()
    teacher, teacher_page = make_instructor(
        "mireille@example.cm", index=site["instructors"], title="Mireille Ebode"
    )
    course = make_course(
        site["catalogue"],
        teacher_page,
        title="Teint parfait",
        slug="teint-evalue",
        final_assessment=[ASSESSMENT],
    )
    course_en = home_demo.translate_page(
        course,
        site["en"],
        title="Flawless complexion",
        slug="assessed-complexion",
        final_assessment=_english_assessment(course),
    )
    reading = make_lesson(
        course, title="La peau", slug="la-peau", body=[("paragraph", "<p>Peau</p>")]
    )
    work = make_lesson(course, title="Pratique", slug="pratique", body=[ASSIGNMENT])
    return {
        **site,
        "teacher": teacher,
        "course": course,
        "course_en": course_en,
        "reading": reading,
        "work": work,
    }


exam_site = built_once_per_module(build_exam_course, "exam_site")


def answer_key(site):
    """{question id: [the right choice id]} for the whole bank."""
    assessment = final_assessment(site["course"])
    return {qid: sorted(q.correct) for qid, q in assessment.questions.items()}


def wrong_answers(site):
    assessment = final_assessment(site["course"])
    return {qid: sorted(set(q.choices) - q.correct)[:1] for qid, q in assessment.questions.items()}


def finish_lessons(user, site, *, rubric_score=4, capture=None):
    """Enrol, read the reading lesson, hand in the practice work and have the teacher
    accept it with `rubric_score` on every criterion: the course is then complete."""
    services.enrol(user=user, course=site["course"])
    services.mark_complete(user=user, lesson=lesson(site["reading"]))
    work = lesson(site["work"])
    submission = services.submit_assignment(
        user=user,
        lesson=work,
        assignment_id=work.body[0].id,
        note="",
        uploads=[photo_upload()],
    )
    criterion = work.body[0].value["rubric"][0].id
    services.decide_submission(
        decided_by=site["teacher"],
        submission=submission,
        accepted=True,
        comment="Bien.",
        scores={criterion: str(rubric_score)},
    )
    return Enrolment.objects.get(user=user, course=site["course"])


def graduate(email="nadia@example.cm", **fields):
    fields.setdefault("first_name", "Nadia")
    fields.setdefault("last_name", "Fouda")
    return make_person(email, is_student=True, **fields)


def exam_url(site, suffix="", language="fr"):
    course = site["course"] if language == "fr" else site["course_en"]
    return f"/{language}/learn/course/{course.pk}/exam/{suffix}"


def post_answers(client, site, attempt, answers, language="fr"):
    data = {f"q-{qid}": choices for qid, choices in answers.items()}
    return client.post(exam_url(site, f"{attempt.pk}/", language), data)
