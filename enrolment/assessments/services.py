"""Writes of the final exam: start an attempt (draw and deadline fixed here), hand it
in (graded here). Each refusal is a translated message and stores nothing."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.page_locales import canonical

from .. import grading
from ..errors import InvalidAnswer, NotAllowed, NotEnrolled
from ..models import Enrolment, ExamAttempt
from ..motivation import services as motivation
from ..signals import assessment_passed
from .reader import final_assessment
from .selectors import is_late, next_attempt_at, outcome_of, waits_until


class ExamExpired(NotAllowed):
    """Handed in after the deadline: the attempt is kept as expired, not graded."""


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _assessment(course):
    assessment = final_assessment(course)
    if assessment is None:
        raise NotEnrolled(_("This course has no final assessment."))
    return assessment


def _locked_enrolment(user, course):
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, course=course)
        .exclude(status=Enrolment.Status.REVOKED)
        .first()
        if user.is_authenticated
        else None
    )
    if enrolment is None:
        raise NotEnrolled(_("Enrol in this course first."))
    return enrolment


@transaction.atomic
def start_exam(*, user, course):
    """Her running attempt, or a new one: questions drawn at random from the bank,
    deadline set. One attempt per 24 hours, once every lesson is done."""
    course = canonical(course)
    assessment = _assessment(course)
    enrolment = _locked_enrolment(user, course)
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise NotAllowed(_("Finish every lesson of the course before its final assessment."))
    now = timezone.now()
    attempts = list(ExamAttempt.objects.filter(enrolment=enrolment))
    running = next((a for a in attempts if a.status == ExamAttempt.Status.OPEN), None)
    if running is not None and not is_late(running, now):
        return running
    if any(a.status == ExamAttempt.Status.PASSED for a in attempts):
        raise NotAllowed(_("You have already passed this assessment."))
    opens_at = waits_until(attempts)
    if opens_at is not None and opens_at > now:
        raise NotAllowed(
            _("You can take this exam once every 24 hours. Your next attempt opens on %(when)s.")
            % {"when": _when(opens_at)}
        )
    if running is not None:  # left unanswered past its time
        running.status = ExamAttempt.Status.EXPIRED
        running.save(update_fields=["status"])
    draw = secrets.SystemRandom().sample(list(assessment.questions), assessment.draw_size)
    return ExamAttempt.objects.create(
        enrolment=enrolment,
        assessment_id=assessment.id,
        question_ids=draw,
        started_at=now,
        deadline=now + timedelta(minutes=assessment.time_limit_minutes),
    )


def submit_exam(*, user, course, attempt_id, answers):
    """Grade her attempt. `answers` maps question id → list of choice ids, only for
    questions of her draw. Handed in too late, it is stored as expired and refused."""
    course = canonical(course)
    with transaction.atomic():
        assessment = _assessment(course)
        enrolment = _locked_enrolment(user, course)
        attempt = (
            ExamAttempt.objects.select_for_update()
            .filter(pk=attempt_id, enrolment=enrolment)
            .first()
        )
        if attempt is None:
            raise NotEnrolled(_("This exam attempt is not yours."))
        if attempt.status != ExamAttempt.Status.OPEN:
            raise NotAllowed(_("This attempt has already been handed in."))
        late = is_late(attempt)
        if late:
            attempt.status = ExamAttempt.Status.EXPIRED
            attempt.save(update_fields=["status"])
        else:
            _grade(attempt, assessment, answers)
            motivation.record_activity(user_id=enrolment.user_id)
            if outcome_of(enrolment, assessment).passed:
                enrolment_id = enrolment.pk
                transaction.on_commit(
                    lambda: assessment_passed.send(sender=ExamAttempt, enrolment_id=enrolment_id)
                )
    if late:
        raise ExamExpired(
            _(
                "Time was up: your answers arrived after the deadline and are not graded. "
                "Your next attempt opens on %(when)s."
            )
            % {"when": _when(next_attempt_at(attempt.started_at))}
        )
    return attempt


def _grade(attempt, assessment, answers):
    drawn = set(attempt.question_ids)
    if not set(answers) <= drawn:
        raise InvalidAnswer(
            _("Some answers are not for the questions you were given. Reload the page.")
        )
    if not any(answers.values()):
        raise InvalidAnswer(_("Choose at least one answer before handing in."))
    correct, cleaned = 0, {}
    for question_id in attempt.question_ids:
        question = assessment.questions.get(question_id)
        chosen = sorted(set(answers.get(question_id, [])))
        # A question taken out of the bank since the draw counts as answered right.
        correct += grading.is_correct(question, chosen) if question else 1
        cleaned[question_id] = chosen
    attempt.score_percent = grading.percent(correct, len(attempt.question_ids))
    attempt.status = (
        ExamAttempt.Status.PASSED
        if attempt.score_percent >= assessment.pass_mark
        else ExamAttempt.Status.FAILED
    )
    attempt.answers = cleaned
    attempt.handed_in_at = timezone.now()
    attempt.save(update_fields=["score_percent", "status", "answers", "handed_in_at"])


@transaction.atomic
def lift_wait(*, attempt_id, person, by):
    """Let `person` start her next attempt at once, without the 24-hour wait after her
    latest attempt (`attempt_id`): once, by a moderator (the support action logs why)."""
    attempt = (
        ExamAttempt.objects.select_for_update()
        .select_related("enrolment")
        .filter(pk=attempt_id, enrolment__user=person)
        .first()
    )
    if attempt is None:
        raise NotEnrolled(_("This exam attempt is not the person's."))
    latest = ExamAttempt.objects.filter(enrolment=attempt.enrolment).first()
    if latest.pk != attempt.pk:
        raise NotAllowed(_("Only the wait after the latest attempt can be lifted."))
    if attempt.status == ExamAttempt.Status.PASSED:
        raise NotAllowed(_("This assessment is already passed: there is nothing to retake."))
    if attempt.status == ExamAttempt.Status.OPEN and not is_late(attempt):
        raise NotAllowed(_("This attempt is still running."))
    if attempt.wait_lifted_at is not None:
        raise NotAllowed(_("The wait after this attempt was already lifted."))
    if next_attempt_at(attempt.started_at) <= timezone.now():
        raise NotAllowed(_("The 24 hours have passed: the next attempt is already open."))
    attempt.wait_lifted_at = timezone.now()
    attempt.wait_lifted_by = by
    attempt.save(update_fields=["wait_lifted_at", "wait_lifted_by"])
    return attempt
