"""Telling followers of an activity, in batches, each in its language."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from ..models import Activity, Follow
from ..notification_kinds import FOLLOWED_ACTIVITY
from ..selectors import display_name
from . import targets

BATCH = 100


def sentence(activity, name, title):
    """ "Aïcha M. published a new course: “Tresses”." in the active language."""
    values = {"name": name, "title": title}
    Verb = Activity.Verb
    if activity.verb == Verb.COURSE_PUBLISHED:
        return _("%(name)s published a new course: “%(title)s”.") % values
    if activity.verb == Verb.CHALLENGE_ENTERED:
        return _("%(name)s entered a challenge: “%(title)s”.") % values
    if activity.verb == Verb.LIVE_SESSION_SCHEDULED:
        return _("%(name)s scheduled a live session: “%(title)s”.") % values
    return f"{name}: {title}"


def announce(activity_id):
    """Tell the next BATCH followers: (how many were told, whether followers remain).
    An activity whose target is no longer shown tells no one."""
    with transaction.atomic():
        activity = (
            Activity.objects.select_for_update()
            .filter(pk=activity_id, announced_at__isnull=True)
            .first()
        )
        if activity is None:
            return 0, False
        activity = Activity.objects.select_related("actor").get(pk=activity.pk)
        follows = list(
            Follow.objects.filter(followed_id=activity.actor_id, pk__gt=activity.announced_up_to)
            .select_related("follower")
            .order_by("pk")[:BATCH]
        )
        links = {
            language: targets.links([activity], language).get(activity.pk)
            for language, _name in settings.LANGUAGES
        }
        shown = activity.actor.is_active and all(links.values())
        told = 0
        for follow in follows if shown else []:
            if follow.follower.is_active:
                notify(
                    follow.follower,
                    FOLLOWED_ACTIVITY,
                    message=lambda: _message(activity, links),
                )
                told += 1
        more = shown and len(follows) == BATCH
        if follows:
            activity.announced_up_to = follows[-1].pk
        if not more:
            activity.announced_at = timezone.now()
        activity.save(update_fields=["announced_up_to", "announced_at"])
    return told, more


def _message(activity, links):
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    title, path = links.get(language) or links[settings.LANGUAGE_CODE]
    text = sentence(activity, display_name(activity.actor), title)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return Message(
        subject=text,
        text="\n".join(
            [
                text,
                "",
                _("See it: %(url)s") % {"url": url},
                "",
                _("You follow %(name)s. To stop, choose “Unfollow” on the “Following” page.")
                % {"name": display_name(activity.actor)},
            ]
        )
        + "\n",
        summary=text,
        url=path,
    )
