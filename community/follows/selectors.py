"""Reads for follows: who follows whom, the "following" feed, and a member's public page.
Each read is a fixed number of queries, whatever the number of people or activities."""

from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from wagtail.models import Locale

from certificates.badges.selectors import valid_badges_for
from course_pages.models import InstructorPage
from directory.models import ProfessionalPage

from ..models import Activity, Follow, Group, Membership
from ..selectors import display_name
from . import targets

SUGGESTED = 6


def followers_count(user):
    return Follow.objects.filter(followed=user).count()


def is_following(follower, followed):
    return (
        follower.is_authenticated
        and Follow.objects.filter(follower=follower, followed=followed).exists()
    )


def followed_ids(follower):
    """The ids of the people `follower` follows (one query)."""
    if not follower.is_authenticated:
        return set()
    return set(Follow.objects.filter(follower=follower).values_list("followed_id", flat=True))


def following(follower):
    """Who `follower` follows, by name, with when she started (one query)."""
    return [
        {"user": follow.followed, "name": display_name(follow.followed), "since": follow.created}
        for follow in Follow.objects.filter(follower=follower, followed__is_active=True)
        .select_related("followed")
        .order_by("followed__first_name", "followed__last_name", "pk")
    ]


def feed(follower):
    """What the people `follower` follows did, newest first, leaving out closed accounts
    and targets no longer shown (unpublished pages, hidden content)."""
    return (
        Activity.objects.filter(actor__followers__follower=follower, actor__is_active=True)
        .filter(targets.shown())
        .select_related("actor")
        .order_by("-created", "-id")
    )


def _language():
    return (get_language() or "fr")[:2]


def lines(activities):
    """The feed's lines: who, what, when, and the target in the reader's language."""
    activities = list(activities)
    found = targets.links(activities, _language())
    result = []
    for activity in activities:
        if activity.pk not in found:
            continue
        title, url = found[activity.pk]
        result.append(
            {
                "activity": activity,
                "name": display_name(activity.actor),
                "what": activity.get_verb_display(),
                "title": title,
                "url": url,
                "when": activity.created,
            }
        )
    return result


def suggested_instructors(follower, limit=SUGGESTED):
    """Live instructor pages in the reader's language, of people she does not follow yet."""
    pages = (
        InstructorPage.objects.live()
        .filter(locale=Locale.get_active(), user__is_active=True)
        .exclude(user__in=Follow.objects.filter(follower=follower).values("followed_id"))
        .exclude(user=follower)
        .select_related("user")
        .order_by("title")[:limit]
    )
    return list(pages)


def member(user_id):
    """An active account by id, or None (unknown, deleted and closed accounts alike)."""
    if not 0 < user_id < 2**63:
        return None
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


def public_profile(person):
    """What anyone may see of a member: her name, her pages as an instructor or a
    professional (live, in the reader's language), the open groups she belongs to, her
    academy badges."""
    locale = Locale.get_active()
    return {
        "name": display_name(person),
        "instructor_page": _page_of(InstructorPage, person, locale),
        "professional_page": _page_of(ProfessionalPage, person, locale),
        "groups": list(
            Group.objects.filter(
                visibility=Group.Visibility.VISIBLE,
                is_open=True,
                memberships__user=person,
                memberships__status=Membership.Status.MEMBER,
            ).order_by("name")
        ),
        "followers": followers_count(person),
        "badges": list(valid_badges_for(user=person)),
    }


def _page_of(model, person, locale):
    pages = list(
        model.objects.live().filter(user=person, locale__in=[locale, Locale.get_default()])
    )
    return next((page for page in pages if page.locale_id == locale.pk), None) or (
        pages[0] if pages else None
    )
