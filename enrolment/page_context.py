"""What the course and lesson pages need from enrolment to show their learning controls.

Apart from selectors because it also asks enrolment.access (which reads selectors): one
direction, no circle."""

from django.db.models import Count

from core import photos
from core.page_locales import canonical, localize_pages
from core.roles import teaches

from . import practice_video
from .access import included_in_subscription, subscription_opens
from .lesson_blocks import is_self_paced
from .lesson_rows import lesson_rows
from .models import CourseReview, Enrolment
from .prerequisites import missing_prerequisites
from .reviews import MAX_REVIEW_LENGTH, may_review
from .selectors import (
    MAX_PHOTOS_PER_SUBMISSION,
    UNREAD,
    completed_lesson_keys,
    course_progress,
    course_reviews,
    enrolment_for,
    quiz_states,
    required_lesson_counts,
    resume_lesson,
    tested_out_keys,
)


def lesson_context(*, user, lesson, rows=UNREAD):
    """What the lesson page needs to show the learning controls. `rows`: her
    lesson_rows(user, lesson), when the caller has read them already."""
    if rows is UNREAD:
        rows = lesson_rows(user=user, lesson=lesson)
    enrolment = rows.enrolment if rows is not None else None
    if enrolment is None:
        return {"enrolment": None}
    done_keys = rows.done_keys
    completed = lesson.translation_key in done_keys
    submissions = {s.assignment_id: s for s in rows.submissions}
    return {
        "enrolment": enrolment,
        "done_keys": done_keys,
        "lesson_completed": completed,
        "can_mark_done": is_self_paced(lesson) and not completed,
        "submissions_by_assignment": submissions,
        "quiz_states": quiz_states(enrolment=enrolment, lesson=lesson, attempts=rows.attempts),
        # For the browser's own check before uploading (the server checks again).
        "photo_max_bytes": photos.MAX_UPLOAD_BYTES,
        "photo_max_files": MAX_PHOTOS_PER_SUBMISSION,
        "video_max_bytes": practice_video.MAX_VIDEO_BYTES,
    }


def course_context(*, user, course):
    """Enrolment, progress and where to resume, for the course page; `in_subscription`
    says whether the pass opens this course, for every reader."""
    in_subscription = included_in_subscription(course)
    enrolment = enrolment_for(user=user, course=course)
    if enrolment is None:
        return {
            "enrolment": None,
            "in_subscription": in_subscription,
            "subscribed": user.is_authenticated and subscription_opens(user, course),
        }
    done_keys = completed_lesson_keys(enrolment)
    last_key = enrolment.last_lesson.translation_key if enrolment.last_lesson_id else None
    resume = resume_lesson(lessons=course.lessons, last_key=last_key, done_keys=done_keys)
    done, total, percent = course_progress(enrolment)
    return {
        "enrolment": enrolment,
        "in_subscription": in_subscription,
        "done_keys": done_keys,
        "tested_out_keys": tested_out_keys(enrolment),
        "resume_lesson": resume,
        "progress": {"done": done, "total": total, "percent": percent},
    }


def reviews_context(*, user, course):
    """The course's rating, its visible reviews, and what this reader may do with them:
    her own review to change, or why she may not rate yet; the instructor's answers."""
    average, count, reviews = course_reviews(course)
    context = {
        "average": average,
        "count": count,
        "reviews": reviews,
        "max_length": MAX_REVIEW_LENGTH,
        "mine": None,
        "refusal": None,
        "answers": False,
    }
    if user.is_authenticated:
        context["mine"] = next((r for r in context["reviews"] if r.user_id == user.pk), None)
        if context["mine"] is None:
            context["mine"] = CourseReview.objects.filter(
                user=user, course=canonical(course)
            ).first()
        if context["mine"] is None:
            context["refusal"] = may_review(user=user, course=course)
        context["answers"] = teaches(user, course)
    return context


def missing_prerequisites_context(*, user, course):
    """The prerequisite courses this reader still lacks, in the page's language."""
    if not user.is_authenticated:
        return []
    return localize_pages(missing_prerequisites(user=user, course=course), course.locale)


def curriculum_progress(*, user, courses):
    """{translation_key: {"status", "percent"}} for her courses along a curriculum, in a
    fixed number of queries: completed, started (with its progress) or not started."""
    if not user.is_authenticated or not courses:
        return {}
    enrolments = list(
        Enrolment.objects.filter(
            user=user, course__translation_key__in=[c.translation_key for c in courses]
        )
        .exclude(status=Enrolment.Status.REVOKED)
        .select_related("course")
        .annotate(done=Count("progress", distinct=True))
    )
    totals = required_lesson_counts([e.course for e in enrolments])
    progress = {}
    for enrolment in enrolments:
        total = totals.get(enrolment.course.path, 0)
        progress[enrolment.course.translation_key] = {
            "status": enrolment.status,
            "percent": 100 * min(enrolment.done, total) // total if total else 0,
        }
    return progress
