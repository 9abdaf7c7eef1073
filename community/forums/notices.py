"""What people hear of a new post, through notifications.notify in their language:
the people it @mentions (site, e-mail, push) and the thread's subscribers (site and
e-mail, gathered in the daily digest for those who chose it)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from ..models import Post, Subscription
from .access import readers_among
from .mentions import mentioned_readers
from .names import display_name
from .notification_kinds import FORUM_MENTION, FORUM_REPLY

EXCERPT_CHARS = 280


def announce(post_id):
    # Claimed in one UPDATE: a task run twice announces once.
    if not Post.objects.filter(pk=post_id, announced_at__isnull=True).update(
        announced_at=timezone.now()
    ):
        return "already announced"
    post = (
        Post.objects.select_related("author", "thread__forum__course__instructor")
        .filter(pk=post_id, deleted_at__isnull=True, visibility=Post.Visibility.VISIBLE)
        .first()
    )
    if post is None:
        return "gone"
    mentioned = mentioned_readers(post)
    for person in mentioned:
        notify(person, FORUM_MENTION, message=lambda person=person: _mention(post, person))
    if post.kind == Post.Kind.OPENING:
        return len(mentioned)
    subscribers = [
        subscription.user
        for subscription in Subscription.objects.filter(thread_id=post.thread_id, active=True)
        .exclude(user_id__in=[post.author_id or 0, *(person.pk for person in mentioned)])
        .select_related("user")
    ]
    subscribers = readers_among(post.thread.forum, subscribers)
    for person in subscribers:
        notify(person, FORUM_REPLY, message=lambda person=person: _new_reply(post, person))
    return len(mentioned) + len(subscribers)


def _values(post, person):
    path = reverse("forums:thread", args=[post.thread_id]) + f"#p{post.pk}"
    excerpt = post.body if len(post.body) <= EXCERPT_CHARS else post.body[:EXCERPT_CHARS] + "…"
    return path, {
        "first_name": person.first_name or person.email,
        "name": display_name(post.author),
        "title": post.thread.title,
        "excerpt": excerpt,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
    }


def _mention(post, person):
    path, values = _values(post, person)
    opening = _("%(name)s mentioned you in “%(title)s”.") % values
    return Message(
        subject=_("%(name)s mentioned you in the forum") % values,
        text="\n".join(
            [
                _("Hello %(first_name)s,") % values,
                "",
                opening,
                "",
                values["excerpt"],
                "",
                _("Read and answer: %(url)s") % values,
            ]
        )
        + "\n",
        summary=opening,
        url=path,
    )


def _new_reply(post, person):
    path, values = _values(post, person)
    if post.kind == Post.Kind.COMMENT:
        opening = _("%(name)s commented in “%(title)s”.") % values
    else:
        opening = _("%(name)s replied in “%(title)s”.") % values
    return Message(
        subject=_("New reply in “%(title)s”") % values,
        text="\n".join(
            [
                _("Hello %(first_name)s,") % values,
                "",
                opening,
                "",
                values["excerpt"],
                "",
                _("Read the thread: %(url)s") % values,
                "",
                _("You follow this thread. To stop, choose “Unsubscribe” on its page."),
            ]
        )
        + "\n",
        summary=opening,
        url=path,
    )
