"""What messaging tells people, registered with notifications (MessagingConfig.ready).
A message wakes the phone (push) and shows in the centre; e-mail only when the person
asks for it, since an open conversation already shows everything."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import PUSH, SITE, Kind

MESSAGE_RECEIVED = Kind(
    "message_received", _("New message"), "messages", channels=frozenset({SITE, PUSH})
)

KINDS = (MESSAGE_RECEIVED,)
