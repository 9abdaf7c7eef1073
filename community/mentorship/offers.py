"""Offering to mentor: students who completed at least three courses, or hold a
certificate that was not revoked, offer a speciality, languages, a town, a capacity and
a short bio; they edit or pause the offer at any time."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from certificates.models import Certificate
from course_pages.models import CourseCategory
from enrolment.models import Enrolment

from .. import limits
from ..errors import InvalidInput, NotAllowed
from ..models import MentorOffer, Mentorship
from ..models.mentorship import MAX_CAPACITY, MIN_CAPACITY
from ..text import clean_text

COURSES_TO_MENTOR = 3
MAX_BIO_LENGTH = 600
REPORT_KIND = "mentor_offer"


def may_mentor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if Certificate.objects.filter(user=user, revoked_at__isnull=True).exists():
        return True
    completed = Enrolment.objects.filter(user=user, status=Enrolment.Status.COMPLETED)
    return completed.values("course").distinct().count() >= COURSES_TO_MENTOR


def not_eligible_message():
    return _(
        "To mentor, finish at least 3 courses or earn a certificate first. "
        "Until then, you can ask for a mentor yourself."
    )


def default_category(category):
    """The default-locale row of a category chosen in any language (what offers point at)."""
    if not isinstance(category, CourseCategory):
        return None
    return CourseCategory.objects.filter(
        translation_key=category.translation_key, locale=Locale.get_default()
    ).first()


def active_count(offer):
    return Mentorship.objects.filter(offer=offer, status=Mentorship.Status.ACTIVE).count()


@transaction.atomic
def save_offer(
    *, user, speciality, speaks_french, speaks_english, town, capacity, bio, is_paused=False
):
    """Make or change `user`'s offer to mentor; returns it."""
    if not may_mentor(user):
        raise NotAllowed(not_eligible_message())
    speciality = default_category(speciality)
    if speciality is None:
        raise InvalidInput(_("Choose the speciality you mentor in."))
    if not (speaks_french or speaks_english):
        raise InvalidInput(_("Choose at least one language: French, English or both."))
    if town is None:
        raise InvalidInput(_("Choose your town: beginners near you will find you."))
    try:
        capacity = int(capacity)
    except (TypeError, ValueError):
        capacity = 0
    if not MIN_CAPACITY <= capacity <= MAX_CAPACITY:
        raise InvalidInput(_("Choose how many beginners you mentor at a time: 1 to 10."))
    bio = clean_text(
        bio,
        limit=MAX_BIO_LENGTH,
        empty_message=_("Say in a few words what you can teach a beginner."),
    )
    offer = MentorOffer.objects.select_for_update().filter(user=user).first()
    if offer is None:
        limits.check_post(user, texts=[bio])
        offer = MentorOffer(user=user)
    else:
        limits.check_edit(user, texts=[bio])
        current = active_count(offer)
        if capacity < current:
            raise InvalidInput(
                ngettext(
                    "You mentor %(count)d beginner now: your capacity can't be lower.",
                    "You mentor %(count)d beginners now: your capacity can't be lower.",
                    current,
                )
                % {"count": current}
            )
    created = offer.pk is None
    offer.speciality = speciality
    offer.speaks_french = bool(speaks_french)
    offer.speaks_english = bool(speaks_english)
    offer.town = town
    offer.capacity = capacity
    offer.bio = bio
    offer.is_paused = bool(is_paused)
    offer.full_clean()
    offer.save()
    if created:
        limits.record_post(user, REPORT_KIND, offer.pk)
    return offer


@transaction.atomic
def set_paused(*, user, paused):
    """Pause the offer (nobody new can ask; current mentorships go on) or resume it."""
    offer = MentorOffer.objects.select_for_update().filter(user=user).first()
    if offer is None:
        raise NotAllowed(_("You have no offer to mentor yet."))
    offer.is_paused = bool(paused)
    offer.save(update_fields=["is_paused", "updated_at"])
    return offer
