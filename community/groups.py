"""Creating a study group: anyone enrolled in a course or holding a certificate (and
moderators). The creator owns it and is its first member."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from certificates.models import Certificate
from core.roles import is_moderator
from course_pages.models import CourseCategory
from enrolment.models import Enrolment

from . import limits
from .access import may_manage
from .errors import InvalidInput, NotAllowed
from .models import Group, Membership
from .text import clean_text

MAX_NAME_LENGTH = 80
MAX_DESCRIPTION_LENGTH = 2000
LEARNING = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def may_create_group(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if is_moderator(user):
        return True
    return (
        Enrolment.objects.filter(user=user, status__in=LEARNING).exists()
        or Certificate.objects.filter(user=user, revoked_at__isnull=True).exists()
    )


@transaction.atomic
def create_group(*, user, name, description, language, speciality, town=None, is_open=True):
    if not may_create_group(user):
        raise NotAllowed(
            _(
                "Only students enrolled in a course or holding a certificate can create a "
                "group. Enrol in a course first, or join an existing group."
            )
        )
    name = clean_text(name, limit=MAX_NAME_LENGTH, empty_message=_("Give the group a name."))
    if len(name) < 3:
        raise InvalidInput(_("Give the group a name of at least 3 characters."))
    description = clean_text(
        description,
        limit=MAX_DESCRIPTION_LENGTH,
        empty_message=_("Say in a few words what the group is for."),
    )
    if language not in Group.Language.values:
        raise InvalidInput(_("Choose the group's language: French or English."))
    speciality = _default_category(speciality)
    if speciality is None:
        raise InvalidInput(_("Choose the group's speciality."))
    if Group.objects.filter(name__iexact=name, town=town).exists():
        raise InvalidInput(
            _("A group with this name already exists here. Join it, or choose another name.")
        )
    limits.check_post(user, texts=[name, description])
    group = Group(
        name=name,
        description=description,
        language=language,
        speciality=speciality,
        town=town,
        is_open=bool(is_open),
        owner=user,
    )
    group.full_clean()
    group.save()
    Membership.objects.create(group=group, user=user, status=Membership.Status.MEMBER)
    limits.record_post(user, "group", group.pk)
    return group


def _default_category(category):
    """The default-locale row of a category chosen in any language."""
    if not isinstance(category, CourseCategory):
        return None
    return CourseCategory.objects.filter(
        translation_key=category.translation_key, locale=Locale.get_default()
    ).first()


@transaction.atomic
def show_points(*, by, group, shown):
    """The owner (or a moderator) shows the members' learning points inside the group, or
    hides them again."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    if not may_manage(by, group):
        raise NotAllowed(_("Only the group's owner or a moderator can change this setting."))
    group.shows_points = bool(shown)
    group.save(update_fields=["shows_points"])
    return group
