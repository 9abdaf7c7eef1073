"""Reads about final assessments: where a student stands, and what she earned."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from core.page_locales import active_locale, canonical

from .. import grading
from ..models import Enrolment, ExamAttempt, Submission
from ..pages import course_model
from ..selectors import enrolment_for
from .grades import Grade, band_for, combined_score
from .reader import final_assessment

# One attempt per this long, counted from the start of the last one.
ATTEMPT_INTERVAL = timedelta(hours=24)
# A hand-in this late after the deadline still counts: the phone's network was slow.
GRACE = timedelta(seconds=30)
# The support panel shows this many of a person's latest attempts.
SUPPORT_ATTEMPTS = 10


@dataclass(frozen=True)
class Outcome:
    """Where a student stands in a course's final assessment. `grade` is set once
    every required part is passed."""

    exam_score: int | None
    practical_required: bool
    practical_accepted: bool
    practical_score: int | None
    passed: bool
    score: int | None
    grade: str | None

    @property
    def grade_label(self):
        return Grade(self.grade).label if self.grade else ""


def next_attempt_at(last_started_at: datetime):
    return last_started_at + ATTEMPT_INTERVAL


def waits_until(attempts):
    """When the next attempt opens after `attempts` (newest first): None before the
    first one, or when a moderator lifted the wait after the latest."""
    if not attempts or attempts[0].wait_lifted_at is not None:
        return None
    return next_attempt_at(attempts[0].started_at)


def is_late(attempt, now=None):
    return (now or timezone.now()) > attempt.deadline + GRACE


def practical_work(enrolment):
    """Her accepted practice work in the course, newest first (the course rubric's
    grades are the instructor's scores on it)."""
    return list(
        Submission.objects.filter(enrolment=enrolment, status=Submission.Status.ACCEPTED)
        .only("assignment_id", "lesson_id", "verdict_scores", "verdict_at")
        .order_by("-verdict_at")
    )


def _practical_score(work):
    """The mean rubric percentage of the latest graded work of each assignment."""
    latest = {}
    for submission in work:
        if submission.verdict_scores:
            latest.setdefault((submission.lesson_id, submission.assignment_id), submission)
    if not latest:
        return None
    percents = [grading.rubric_percent(s.verdict_scores) for s in latest.values()]
    return round(sum(percents) / len(percents))


def outcome_of(enrolment, assessment=None):
    """The Outcome of `enrolment` in its course's final assessment, None when the
    course requires none."""
    assessment = assessment or final_assessment(enrolment.course)
    if assessment is None:
        return None
    best = (
        ExamAttempt.objects.filter(enrolment=enrolment, status=ExamAttempt.Status.PASSED)
        .order_by("-score_percent")
        .values_list("score_percent", flat=True)
        .first()
    )
    work = practical_work(enrolment) if assessment.practical_required else []
    practical_score = _practical_score(work)
    passed = best is not None and (bool(work) or not assessment.practical_required)
    score = combined_score(exam=best, practical=practical_score) if passed else None
    return Outcome(
        exam_score=best,
        practical_required=assessment.practical_required,
        practical_accepted=bool(work),
        practical_score=practical_score,
        passed=passed,
        score=score,
        grade=band_for(score) if passed else None,
    )


def exam_state(*, user, course):
    """Everything the exam page shows: None when she is not a student of the course
    (or it has no final assessment)."""
    course = canonical(course)
    assessment = final_assessment(course)
    if assessment is None:
        return None
    enrolment = enrolment_for(user=user, course=course)
    if enrolment is None:
        return None
    attempts = list(ExamAttempt.objects.filter(enrolment=enrolment))
    now = timezone.now()
    current = next(
        (a for a in attempts if a.status == ExamAttempt.Status.OPEN and not is_late(a, now)),
        None,
    )
    outcome = outcome_of(enrolment, assessment)
    next_at = waits_until(attempts)
    next_at = next_at if next_at and next_at > now else None
    lessons_done = enrolment.status == Enrolment.Status.COMPLETED
    return {
        "enrolment": enrolment,
        "assessment": assessment,
        "lessons_done": lessons_done,
        "attempts": attempts,
        "current": current,
        "outcome": outcome,
        "next_attempt_at": next_at,
        # Whether starting now gives her questions (a new attempt, or the running one).
        "can_start": lessons_done
        and outcome.exam_score is None
        and (current is not None or next_at is None),
    }


def shown_course(course):
    """The course in the reader's language (for its questions' wording), or the course
    itself: no query when it already is in that language."""
    locale = active_locale()
    if course.locale_id == locale.pk:
        return course
    shown = (
        course_model()
        .objects.live()
        .filter(translation_key=course.translation_key, locale=locale)
        .first()
    )
    return shown or course


def questions_shown(attempt, assessment, wording):
    """The questions drawn for `attempt`, in their order, worded by `wording` (the
    reader's language's assessment) where it has them: the rules are the French
    course's, the words are the reader's."""
    bank = assessment.questions
    return [
        wording.questions.get(question_id) or bank[question_id]
        for question_id in attempt.question_ids
        if question_id in bank or question_id in wording.questions
    ]


def attempts_for_support(person, limit=SUPPORT_ATTEMPTS):
    """A person's latest exam attempts, newest first, each with its course and
    `wait_liftable` (whether support may grant an extra attempt after it). One query."""
    attempts = list(
        ExamAttempt.objects.filter(enrolment__user=person)
        .select_related("enrolment__course")
        .order_by("-started_at", "-pk")[:limit]
    )
    now = timezone.now()
    seen = set()
    for attempt in attempts:
        latest = attempt.enrolment_id not in seen
        seen.add(attempt.enrolment_id)
        attempt.wait_liftable = (
            latest
            and attempt.wait_lifted_at is None
            and attempt.status != ExamAttempt.Status.PASSED
            and (attempt.status != ExamAttempt.Status.OPEN or is_late(attempt, now))
            and next_attempt_at(attempt.started_at) > now
        )
    return attempts
