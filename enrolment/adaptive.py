"""Adaptive next steps: after a quiz, the instructor's rule for the score band says why
and where to go next (review a lesson, go on, or skip a lesson "tested out").

The rules sit in the quiz block (course_pages.blocks.NextStepBlock), checked when the
lesson is saved; here they are only read."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.page_locales import localize_pages

from . import services
from .selectors import enrolment_for, next_lesson

REVIEW, NEXT, TEST_OUT = "review", "next", "test_out"


@dataclass(frozen=True)
class Advice:
    action: str
    message: str
    lesson: Any  # the target lesson, in the reader's language
    skip_to: Any = None  # for a lesson tested out: the one after it


def _steps(lesson, quiz_id):
    for block in lesson.body:
        if block.block_type == "quiz" and block.id == quiz_id:
            return [step.value for step in block.value.get("next_steps") or []]
    return []


def after_quiz(*, user, lesson, attempt):
    """The advice for this attempt's score, or None when no rule covers it. A "tested
    out" step records the target lesson as done."""
    step = next(
        (
            step
            for step in _steps(lesson, attempt.quiz_id)
            if step["min_percent"] <= attempt.score_percent <= step["max_percent"]
            and step["lesson"] is not None
            and step["lesson"].live
        ),
        None,
    )
    if step is None:
        return None
    target = step["lesson"].specific
    shown = localize_pages([target], Locale.get_active())[0]
    score = {
        "correct": sum(1 for item in attempt.feedback if item["correct"]),
        "total": len(attempt.feedback),
        "lesson": shown.title,
    }
    if step["action"] == TEST_OUT:
        enrolment = enrolment_for(user=user, course=lesson.course)
        services.test_out(enrolment=enrolment, lesson=target)
        following = next_lesson(target)
        return Advice(
            action=TEST_OUT,
            message=_(
                "Your score: %(correct)d/%(total)d. You tested out of “%(lesson)s”: "
                "you may skip it."
            )
            % score,
            lesson=shown,
            skip_to=localize_pages([following], Locale.get_active())[0] if following else None,
        )
    if step["action"] == REVIEW:
        message = _("Your score: %(correct)d/%(total)d. We suggest reviewing “%(lesson)s”.")
    else:
        message = _("Your score: %(correct)d/%(total)d. Go on with “%(lesson)s”.")
    return Advice(action=step["action"], message=message % score, lesson=shown)
