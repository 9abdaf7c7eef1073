"""What the challenges tell people, registered with notifications (CommunityConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import EMAIL, PUSH, SITE, Kind

# Winning is news worth a push.
CHALLENGE_WON = Kind(
    "challenge_won",
    _("My entry wins a challenge"),
    "community",
    frozenset({SITE, EMAIL, PUSH}),
)
CHALLENGE_RESULTS = Kind(
    "challenge_results",
    _("The results of a challenge I entered are out"),
    "community",
    frozenset({SITE, EMAIL}),
)

KINDS = (CHALLENGE_WON, CHALLENGE_RESULTS)
