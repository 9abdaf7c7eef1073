"""What messaging tells people, registered with notifications (MessagingConfig.ready).
A message wakes the phone (push) and shows in the centre; e-mail only when the person
asks for it, since an open conversation already shows everything."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import PUSH, SITE, Kind

MESSAGE_RECEIVED = Kind(
    "message_received", _("New message"), "messages", channels=frozenset({SITE, PUSH})
)

# A moderator's warning or suspension: always by e-mail too, and never switched off.
MESSAGING_SANCTION = Kind(
    "messaging_sanction",
    _("A moderator's decision about my messages"),
    "account",
    essential=True,
)

KINDS = (MESSAGE_RECEIVED, MESSAGING_SANCTION)
