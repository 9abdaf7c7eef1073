"""What the forums tell people, registered with notifications (CommunityConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import EMAIL, PUSH, SITE, Kind

# Someone named you: worth a push.
FORUM_MENTION = Kind(
    "forum_mention",
    _("Someone mentions you in a forum"),
    "community",
    frozenset({SITE, EMAIL, PUSH}),
)
# A new post in a thread you follow: the centre and e-mail (the daily digest, for
# people who chose it), no push.
FORUM_REPLY = Kind(
    "forum_reply",
    _("New replies in forum threads you follow"),
    "community",
    frozenset({SITE, EMAIL}),
)

KINDS = (FORUM_MENTION, FORUM_REPLY)
