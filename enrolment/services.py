"""Writes to learning state. Each rule is one function, one transaction."""

from datetime import timedelta

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import photos
from core.roles import is_moderator, teaches

from . import grading, lesson_blocks, notices, practice_video
from .access import subscription_opens
from .assessments.reader import final_assessment
from .assessments.selectors import outcome_of
from .errors import InvalidAnswer, InvalidUpload, NotAllowed, NotEnrolled
from .models import (
    Enrolment,
    LessonProgress,
    PeerReview,
    QuizAttempt,
    Submission,
    SubmissionPhoto,
    SubmissionVideo,
)
from .motivation import services as motivation
from .my_learning_kept import forget_learners
from .prerequisites import check_prerequisites
from .reviews_waiting import forget_peer_work
from .selectors import (
    MAX_PHOTOS_PER_SUBMISSION,
    PEER_REVIEWS_PER_SUBMISSION,
    canonical,
    enrolment_for,
    required_lessons,
    start_of_today,
)
from .signals import (
    access_revoked,
    assessment_passed,
    course_completed,
    enrolled,
    lesson_done,
    lesson_opened,
    quiz_missed,
    work_handed_in,
)

MAX_PHOTOS = MAX_PHOTOS_PER_SUBMISSION
PEER_REVIEW_PATIENCE = timedelta(days=3)


@transaction.atomic
def enrol(*, user, course, source=Enrolment.Source.FREE):
    """Open a course to a student. Enrolling twice changes nothing; a removed
    enrolment is opened again. Returns (enrolment, created)."""
    course = canonical(course)
    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        user=user, course=course, defaults={"source": source}
    )
    if not created and enrolment.status == Enrolment.Status.REVOKED:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.source = source
        enrolment.save(update_fields=["status", "source"])
        _announce(enrolled, user_id=user.pk, course_id=course.pk)
    elif (
        not created
        and enrolment.source == Enrolment.Source.SUBSCRIPTION
        and source != Enrolment.Source.SUBSCRIPTION
    ):
        # Bought or given: the course stays open after the subscription ends.
        enrolment.source = source
        enrolment.save(update_fields=["source"])
    if created:
        _announce(enrolled, user_id=user.pk, course_id=course.pk)
    return enrolment, created


def _announce(signal, **ids):
    transaction.on_commit(lambda: signal.send(sender=Enrolment, **ids))


def enrol_free(*, user, course):
    if not course.is_free:
        raise NotAllowed(_("This course is paid: choose a way to pay to enrol."))
    _check_prerequisites_of_newcomer(user, course)
    return enrol(user=user, course=course, source=Enrolment.Source.FREE)


def enrol_with_subscription(*, user, course):
    """Enrol a subscriber in an included course; access ends with the subscription."""
    if not subscription_opens(user, course):
        raise NotAllowed(_("This course is not included in a running subscription."))
    _check_prerequisites_of_newcomer(user, course)
    return enrol(user=user, course=course, source=Enrolment.Source.SUBSCRIPTION)


def _check_prerequisites_of_newcomer(user, course):
    # A student already in the course keeps it when a prerequisite is added later.
    if enrolment_for(user=user, course=course) is None:
        check_prerequisites(user=user, course=course)


@transaction.atomic
def revoke(*, user, course):
    """Remove access (refund, moderation). Progress is kept in case access returns."""
    course = canonical(course)
    revoked = (
        Enrolment.objects.filter(user=user, course=course)
        .exclude(status=Enrolment.Status.REVOKED)
        .update(status=Enrolment.Status.REVOKED)
    )
    if revoked:
        forget_learners([user.pk])
        user_id, course_id = user.pk, course.pk
        transaction.on_commit(
            lambda: access_revoked.send(sender=Enrolment, user_id=user_id, course_id=course_id)
        )


def _active_enrolment(user, lesson, *, lock=False):
    course = canonical(lesson.course)
    queryset = Enrolment.objects.filter(user=user, course=course).exclude(
        status=Enrolment.Status.REVOKED
    )
    if lock:
        queryset = queryset.select_for_update()
    enrolment = queryset.first() if user.is_authenticated else None
    if enrolment is None:
        raise NotEnrolled(_("Enrol in this course first."))
    if enrolment.source == Enrolment.Source.SUBSCRIPTION and not subscription_opens(user, course):
        raise NotEnrolled(_("Your subscription has ended. Renew it to continue this course."))
    return enrolment


def record_visit(*, user, lesson, enrolment=None):
    """Remember the last lesson opened, for "resume where you left off". `enrolment`:
    her enrolment in the course when the caller has read it (then a lesson opened again
    costs no query at all). True when it changed her last lesson."""
    if not user.is_authenticated:
        return False
    course, lesson = canonical(lesson.course), canonical(lesson)
    if enrolment is not None:
        if enrolment.last_lesson_id == lesson.pk:
            return False
        enrolment.last_lesson_id = lesson.pk
    # Re-reading the lesson last opened writes nothing: no row lock for a student whose
    # pages reload it, and no dead row for the database to clean up (analytics counts
    # each lesson's first opening, which always changes it).
    changed = (
        Enrolment.objects.filter(user=user, course=course)
        .exclude(last_lesson=lesson)
        .update(last_lesson=lesson)
    )
    if changed:
        # "Resume" in My learning follows the lesson opened last.
        forget_learners([user.pk])
        _announce(lesson_opened, user_id=user.pk, course_id=course.pk, lesson_id=lesson.pk)
    return bool(changed)


@transaction.atomic
def mark_complete(*, user, lesson):
    enrolment = _active_enrolment(user, lesson, lock=True)
    if not lesson_blocks.is_self_paced(lesson):
        raise NotAllowed(
            _("This lesson is complete when you pass its quiz or your practice work is accepted.")
        )
    return _complete_lesson(enrolment, lesson, LessonProgress.Reason.MARKED)


def _complete_lesson(enrolment, lesson, reason):
    progress, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=canonical(lesson), defaults={"reason": reason}
    )
    if created:
        motivation.lesson_done(user_id=enrolment.user_id, lesson_id=progress.lesson_id)
        _announce(
            lesson_done,
            user_id=enrolment.user_id,
            course_id=enrolment.course_id,
            lesson_id=progress.lesson_id,
        )
        _complete_course_if_done(enrolment)
    return progress


def _complete_course_if_done(enrolment):
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.ACTIVE:
        return
    required = set(required_lessons(enrolment.course).values_list("pk", flat=True))
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment, lesson__in=required).values_list(
            "lesson_id", flat=True
        )
    )
    if required and required <= done:
        enrolment.status = Enrolment.Status.COMPLETED
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["status", "completed_at"])
        motivation.course_completed(user_id=enrolment.user_id, course_id=enrolment.course_id)
        _announce(
            course_completed,
            enrolment_id=enrolment.pk,
            user_id=enrolment.user_id,
            course_id=enrolment.course_id,
        )


def _gates_passed(enrolment, lesson):
    """True when every quiz of the lesson is passed and every assignment accepted."""
    canonical_lesson = canonical(lesson)
    passed_quizzes = set(
        QuizAttempt.objects.filter(
            enrolment=enrolment, lesson=canonical_lesson, passed=True
        ).values_list("quiz_id", flat=True)
    )
    accepted = set(
        Submission.objects.filter(
            enrolment=enrolment, lesson=canonical_lesson, status=Submission.Status.ACCEPTED
        ).values_list("assignment_id", flat=True)
    )
    return all(q.id in passed_quizzes for q in lesson_blocks.quizzes(lesson)) and all(
        a.id in accepted for a in lesson_blocks.assignments(lesson)
    )


def attempts_today(enrolment, quiz_id):
    return QuizAttempt.objects.filter(
        enrolment=enrolment, quiz_id=quiz_id, created_at__gte=start_of_today()
    ).count()


@transaction.atomic
def submit_quiz(*, user, lesson, quiz_id, answers):
    """Grade an attempt. `answers` maps question id → list of choice ids.
    Returns the stored QuizAttempt with `.feedback` (per question: correct, explanation)
    and `.attempts_left` today."""
    enrolment = _active_enrolment(user, lesson, lock=True)
    quiz = lesson_blocks.find_quiz(lesson, quiz_id)
    if quiz is None:
        raise InvalidAnswer(_("This quiz is not part of this lesson."))
    known_questions = {question.id: question for question in quiz.questions}
    unknown = set(answers) - set(known_questions)
    if unknown:
        raise InvalidAnswer(_("Some answers do not belong to this quiz. Reload the page."))
    if not any(answers.values()):
        # An empty form is a slip of the thumb, not an attempt: it must not use one up.
        raise InvalidAnswer(_("Choose at least one answer before checking."))
    used_today = attempts_today(enrolment, quiz.id)
    if used_today >= quiz.max_attempts_per_day:
        raise NotAllowed(
            _("You have used your %(count)d attempts for today. Try again tomorrow.")
            % {"count": quiz.max_attempts_per_day}
        )
    feedback, correct_count, cleaned, misses = [], 0, {}, []
    for question in quiz.questions:
        chosen = set(answers.get(question.id, []))
        is_correct = grading.is_correct(question, chosen)
        correct_count += is_correct
        cleaned[question.id] = sorted(chosen)
        if not is_correct:
            misses.append((question.id, sorted(chosen - set(question.correct))))
        feedback.append({"question": question, "chosen": chosen, "correct": is_correct})
    score = grading.percent(correct_count, len(quiz.questions))
    attempt = QuizAttempt.objects.create(
        enrolment=enrolment,
        lesson=canonical(lesson),
        quiz_id=quiz.id,
        answers=cleaned,
        score_percent=score,
        passed=score >= quiz.pass_mark,
    )
    motivation.record_activity(user_id=enrolment.user_id)
    if misses:
        _announce(
            quiz_missed,
            user_id=enrolment.user_id,
            course_id=enrolment.course_id,
            lesson_id=attempt.lesson_id,
            quiz_id=quiz.id,
            misses=misses,
        )
    if attempt.passed and _gates_passed(enrolment, lesson):
        _complete_lesson(enrolment, lesson, LessonProgress.Reason.QUIZ)
    attempt.feedback = feedback
    attempt.quiz = quiz
    # Counted under the lock, this attempt included, so the result page can say it.
    attempt.attempts_left = quiz.max_attempts_per_day - used_today - 1
    return attempt


@transaction.atomic
def submit_assignment(*, user, lesson, assignment_id, note, uploads, video=None):
    """Photos, and or instead of them one short video (`video`, an upload), checked by
    their content before anything is stored. The video is prepared after the commit."""
    enrolment = _active_enrolment(user, lesson, lock=True)
    assignment = lesson_blocks.find_assignment(lesson, assignment_id)
    if assignment is None:
        raise InvalidUpload(_("This practice work is not part of this lesson."))
    fewest_photos = 0 if video else assignment.photos_required
    if not fewest_photos <= len(uploads) <= MAX_PHOTOS:
        raise InvalidUpload(
            _("Hand in between %(min)d and %(max)d photos.")
            % {"min": assignment.photos_required, "max": MAX_PHOTOS}
        )
    pending = Submission.objects.filter(
        enrolment=enrolment,
        lesson=canonical(lesson),
        assignment_id=assignment.id,
        status__in=[
            Submission.Status.AWAITING_PEERS,
            Submission.Status.AWAITING_INSTRUCTOR,
            Submission.Status.ACCEPTED,
        ],
    )
    if pending.exists():
        raise NotAllowed(_("Your practice work is already handed in or accepted."))
    try:
        converted = [photos.to_webp(upload) for upload in uploads]
    except photos.InvalidPhoto as error:
        raise InvalidUpload(error.message) from error
    probed = practice_video.check_upload(video) if video else None
    submission = Submission.objects.create(
        enrolment=enrolment, lesson=canonical(lesson), assignment_id=assignment.id, note=note
    )
    for position, photo in enumerate(converted):
        SubmissionPhoto.objects.create(
            submission=submission,
            image=photo.file,
            width=photo.width,
            height=photo.height,
            position=position,
        )
    if video:
        SubmissionVideo.objects.create(
            submission=submission,
            original=File(video, name=practice_video.stored_name(video)),
            duration_seconds=max(1, round(probed.duration_seconds)),
        )
    motivation.record_activity(user_id=enrolment.user_id)
    # The video's preparation and the similarity check (enrolment.receivers) start once
    # the work is stored.
    _announce(
        work_handed_in,
        submission_id=submission.pk,
        user_id=enrolment.user_id,
        course_id=enrolment.course_id,
    )
    return submission


@transaction.atomic
def review_submission(*, reviewer, submission, scores, comment):
    """A peer review, anonymous to the author. Two reviews pass the work on to the instructor."""
    submission = (
        Submission.objects.select_for_update().select_related("enrolment").get(pk=submission.pk)
    )
    if submission.enrolment.user_id == reviewer.pk:
        raise NotAllowed(_("You cannot review your own work."))
    if (
        not Enrolment.objects.filter(user=reviewer, course_id=submission.enrolment.course_id)
        .exclude(status=Enrolment.Status.REVOKED)
        .exists()
    ):
        raise NotEnrolled(_("Only students of this course can review this work."))
    if submission.status != Submission.Status.AWAITING_PEERS:
        raise NotAllowed(_("This work no longer needs peer reviews."))
    if not comment.strip():
        raise InvalidAnswer(_("Write a comment to help your classmate."))
    try:
        with transaction.atomic():
            review = PeerReview.objects.create(
                submission=submission, reviewer=reviewer, scores=scores, comment=comment.strip()
            )
    except IntegrityError as error:
        raise NotAllowed(_("You have already reviewed this work.")) from error
    motivation.peer_review_given(user_id=reviewer.pk, review_id=review.pk)
    if submission.peer_reviews.count() >= PEER_REVIEWS_PER_SUBMISSION:
        submission.status = Submission.Status.AWAITING_INSTRUCTOR
        submission.save(update_fields=["status"])
    notices.tell_author_of_peer_review(submission)
    return review


@transaction.atomic
def decide_submission(*, decided_by, submission, accepted, comment, scores=None):
    """The instructor's final verdict; accepted work can complete the lesson. `scores`
    ({criterion id: 1–5 as typed}) grade it on the rubric: required to accept work of a
    course whose final assessment has a practical part."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("enrolment__course__instructor", "lesson")
        .get(pk=submission.pk)
    )
    course = submission.enrolment.course
    if not (teaches(decided_by, course) or is_moderator(decided_by)):
        raise NotAllowed(_("Only the course's instructor can decide on this work."))
    if submission.status in (Submission.Status.ACCEPTED, Submission.Status.NEEDS_WORK):
        raise NotAllowed(_("A decision has already been given on this work."))
    lesson = submission.lesson.specific
    assessment = final_assessment(course)
    graded = accepted and (scores or (assessment and assessment.practical_required))
    if graded:
        assignment = lesson_blocks.find_assignment(lesson, submission.assignment_id)
        submission.verdict_scores = grading.rubric_scores(
            assignment.criteria if assignment else [], scores or {}
        )
    submission.status = Submission.Status.ACCEPTED if accepted else Submission.Status.NEEDS_WORK
    submission.verdict_comment = comment.strip()
    submission.verdict_by = decided_by
    submission.verdict_at = timezone.now()
    submission.save(
        update_fields=["status", "verdict_comment", "verdict_by", "verdict_at", "verdict_scores"]
    )
    notices.tell_author_of_verdict(submission)
    if accepted:
        if _gates_passed(submission.enrolment, lesson):
            _complete_lesson(submission.enrolment, lesson, LessonProgress.Reason.ASSIGNMENT)
        if assessment and outcome_of(submission.enrolment, assessment).passed:
            # Accepted after the exam was passed: the certificate can follow now.
            _announce(assessment_passed, enrolment_id=submission.enrolment_id)
    return submission


def escalate_waiting_submissions(*, now=None):
    """Work that waited PEER_REVIEW_PATIENCE for peers goes straight to the instructor."""
    cutoff = (now or timezone.now()) - PEER_REVIEW_PATIENCE
    waiting = Submission.objects.filter(
        status=Submission.Status.AWAITING_PEERS, submitted_at__lte=cutoff
    )
    # Their authors' My learning shows the new status; their classmates' no longer
    # counts them as waiting for a review.
    forget_learners(waiting.values_list("enrolment__user_id", flat=True))
    forget_peer_work()
    return waiting.update(status=Submission.Status.AWAITING_INSTRUCTOR)


@transaction.atomic
def test_out(*, enrolment, lesson):
    """A quiz score showed she knows this lesson already: it counts as done, "tested
    out". Done already (any way) stays as it was."""
    return _complete_lesson(enrolment, lesson, LessonProgress.Reason.TESTED_OUT)
