"""What happens for the recipients of a new message beyond their open pages: a
notification (in-site centre, push when the site is closed, e-mail per their
preferences). Called once per message, after the commit.

One notification per conversation while it is unread: a person who gets ten messages
in a row is told once (when the conversation's unread count goes from 0 to 1), and
a muted conversation tells nothing."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.services import Message as Notice
from notifications.services import notify

from .models import Message, Participant
from .notification_kinds import MESSAGE_RECEIVED
from .selectors import display_name


def tell_recipients(message):
    """Tell the other people in the conversation that `message` arrived."""
    seats = Participant.objects.filter(
        conversation_id=message.conversation_id,
        left_at__isnull=True,
        muted=False,
        unread_count=1,
    ).exclude(user_id=message.sender_id)
    for seat in seats.select_related("user"):
        notify(seat.user, MESSAGE_RECEIVED, message=lambda: _notice(message))


def _notice(message):
    values = {"name": display_name(message.sender)}
    if message.kind == Message.Kind.PHOTO:
        summary = _("%(name)s sent you a photo.") % values
    elif message.kind == Message.Kind.VOICE:
        summary = _("%(name)s sent you a voice note.") % values
    else:
        # The start of the text only: the push shows on a locked screen.
        summary = message.text[:120]
    path = reverse("messaging:conversation", args=[message.conversation_id])
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return Notice(
        subject=_("New message from %(name)s") % values,
        text=summary + "\n\n" + _("Answer: %(url)s") % {"url": url} + "\n",
        summary=summary,
        url=path,
    )
