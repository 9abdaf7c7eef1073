"""Her own rows a lesson page shows (her enrolment in the course, the lessons she has
done, her practice work and quiz attempts on this lesson), kept per person and lesson
under the version of her learner tag (enrolment/my_learning_kept.py), which any change
of those rows bumps: opening a lesson again reads none of them from the database."""

from dataclasses import dataclass, field

from django.core.cache import cache

from core import cache_tags

from . import services
from .models import Enrolment, QuizAttempt, Submission
from .my_learning_kept import learner_tag
from .selectors import completed_lesson_keys, enrolment_for

# The version makes changes show at once; this only bounds the memory.
SECONDS = 600


@dataclass
class LessonRows:
    enrolment: Enrolment | None
    done_keys: set = field(default_factory=set)
    submissions: list = field(default_factory=list)  # oldest first
    attempts: list = field(default_factory=list)  # newest first


def rows_tags(user):
    """Her learner tag, with the all-pages tag the page's chrome asks for next: the
    lesson page reads their versions in one round trip (with its own)."""
    return [learner_tag(user.pk), cache_tags.ALL]


def _key(user, lesson):
    tag = learner_tag(user.pk)
    version = cache_tags.current_versions(rows_tags(user))[tag]
    return f"lesson-rows:{user.pk}:{lesson.translation_key}:{version}"


def lesson_rows(*, user, lesson):
    """Her LessonRows for this lesson, from the cache when it is there; None for a
    visitor."""
    if not user.is_authenticated:
        return None
    return cache.get_or_set(_key(user, lesson), lambda: _read(user, lesson), SECONDS)


def _read(user, lesson):
    enrolment = enrolment_for(user=user, course=lesson.course)
    if enrolment is None:
        return LessonRows(enrolment=None)
    on_this_lesson = {"enrolment": enrolment, "lesson__translation_key": lesson.translation_key}
    return LessonRows(
        enrolment=enrolment,
        done_keys=completed_lesson_keys(enrolment),
        submissions=list(Submission.objects.filter(**on_this_lesson).order_by("submitted_at")),
        attempts=list(QuizAttempt.objects.filter(**on_this_lesson).order_by("-created_at")),
    )


def record_visit(*, user, lesson, rows):
    """services.record_visit with the enrolment already read. A visit that moves her
    last lesson bumps her tag: the rows, which it changed too, are kept again under
    the new version, so the next opening reads nothing."""
    enrolment = rows.enrolment if rows is not None else None
    if services.record_visit(user=user, lesson=lesson, enrolment=enrolment) and enrolment:
        cache.set(_key(user, lesson), rows, SECONDS)
