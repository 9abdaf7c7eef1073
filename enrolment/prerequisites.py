"""Prerequisites that hold: a course opens to a student once she has completed each
course it requires, or an instructor or moderator waived it for her.

Courses are compared by translation_key: the French and English pages are one course,
and completion and waivers point at the default-locale page."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.page_locales import canonical, localize_pages
from core.roles import is_moderator, teaches

from .errors import InvalidAnswer, MissingPrerequisites, NotAllowed
from .models import Enrolment, PrerequisiteWaiver

MAX_REASON_LENGTH = 300


def required_courses(course):
    """The default-locale prerequisite courses of a course, in the editor's order."""
    pages = [block.value for block in canonical(course).prerequisites if block.value is not None]
    return [canonical(page) for page in pages]


def missing_prerequisites(*, user, course):
    """The prerequisite courses (default locale) she has neither completed nor had waived."""
    required = required_courses(course)
    if not required:
        return []
    if not user.is_authenticated:
        return required
    keys = [page.translation_key for page in required]
    completed = set(
        Enrolment.objects.filter(
            user=user,
            status=Enrolment.Status.COMPLETED,
            course__translation_key__in=keys,
        ).values_list("course__translation_key", flat=True)
    )
    waived = set(
        PrerequisiteWaiver.objects.filter(
            user=user,
            course__translation_key=course.translation_key,
            prerequisite__translation_key__in=keys,
        ).values_list("prerequisite__translation_key", flat=True)
    )
    return [page for page in required if page.translation_key not in completed | waived]


def check_prerequisites(*, user, course):
    """Raise MissingPrerequisites (with the missing courses) unless all are met."""
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        shown = localize_pages(missing, Locale.get_active())
        raise MissingPrerequisites(
            _("Complete these courses first: %(courses)s.")
            % {"courses": ", ".join(f"“{page.title}”" for page in shown)},
            missing,
        )


@transaction.atomic
def waive_prerequisite(*, by, user, course, prerequisite, reason):
    """Let `user` enrol in `course` without `prerequisite`: the course's instructor or a
    moderator decides, and says why."""
    course, prerequisite = canonical(course), canonical(prerequisite)
    if not (teaches(by, course) or is_moderator(by)):
        raise NotAllowed(_("Only the course's instructor or a moderator can waive a prerequisite."))
    if prerequisite.translation_key not in {p.translation_key for p in required_courses(course)}:
        raise InvalidAnswer(_("This course is not a prerequisite of that course."))
    reason = (reason or "").strip()
    if not reason:
        raise InvalidAnswer(_("Say why you waive this prerequisite."))
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidAnswer(
            _("Shorten the reason to %(limit)d characters at most.") % {"limit": MAX_REASON_LENGTH}
        )
    try:
        with transaction.atomic():
            return PrerequisiteWaiver.objects.create(
                user=user, course=course, prerequisite=prerequisite, reason=reason, waived_by=by
            )
    except IntegrityError as error:
        raise NotAllowed(_("This prerequisite is already waived for this student.")) from error
