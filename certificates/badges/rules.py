"""The rule kinds certificates owns: a set of courses completed, a curriculum finished.
A course counts as completed while its certificate is valid."""

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from course_pages.models import CoursePage

from .. import rule_kinds
from ..models import Certificate

COURSES, CURRICULUM = "courses", "curriculum"


def holders_of_all(course_ids, user_ids=None):
    """Ids of the people holding a valid certificate for every one of `course_ids`."""
    wanted = set(course_ids)
    if not wanted:
        return set()
    certificates = Certificate.objects.filter(revoked_at__isnull=True, course_id__in=wanted)
    if user_ids is not None:
        certificates = certificates.filter(user_id__in=user_ids)
    return set(
        certificates.values("user_id")
        .annotate(completed=Count("course_id", distinct=True))
        .filter(completed=len(wanted))
        .values_list("user_id", flat=True)
    )


def curriculum_course_ids(curriculum):
    """The default-locale courses along a curriculum (its blocks may name translations)."""
    chosen = [block.get("value") for block in curriculum.courses.raw_data if block.get("value")]
    keys = CoursePage.objects.filter(pk__in=chosen).values("translation_key")
    return set(
        CoursePage.objects.filter(
            translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("pk", flat=True)
    )


def _courses_holders(badge, user_ids):
    return holders_of_all(badge.courses.values_list("pk", flat=True), user_ids)


def _curriculum_holders(badge, user_ids):
    if badge.curriculum is None:
        return set()
    return holders_of_all(curriculum_course_ids(badge.curriculum), user_ids)


def register():
    rule_kinds.register(
        rule_kinds.RuleKind(
            COURSES, _("A set of courses completed"), rule_kinds.USES_COURSES, _courses_holders
        ),
        rule_kinds.RuleKind(
            CURRICULUM,
            _("A curriculum finished"),
            rule_kinds.USES_CURRICULUM,
            _curriculum_holders,
        ),
    )
