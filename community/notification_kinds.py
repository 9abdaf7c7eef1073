"""What the community tells people, registered with notifications (CommunityConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import SITE, Kind

GROUP_JOIN_REQUESTED = Kind("group_join_requested", _("Someone asks to join my group"), "community")
GROUP_REQUEST_ANSWERED = Kind(
    "group_request_answered", _("My request to join a group is answered"), "community"
)
GROUP_HANDED_OVER = Kind("group_handed_over", _("A group is handed over to me"), "community")

# New courses, entries and sessions of the people you follow: the centre only unless
# the person adds e-mail or push (a busy instructor's followers would drown otherwise).
FOLLOWED_ACTIVITY = Kind(
    "followed_activity",
    _("News from the people I follow"),
    "community",
    frozenset({SITE}),
)

MENTORSHIP_REQUESTED = Kind(
    "mentorship_requested", _("A beginner asks me to mentor her"), "community"
)
MENTORSHIP_ANSWERED = Kind("mentorship_answered", _("A mentor answers my request"), "community")
MENTORSHIP_ENDED = Kind("mentorship_ended", _("A mentorship ends: time for a review"), "community")

KINDS = (
    GROUP_JOIN_REQUESTED,
    GROUP_REQUEST_ANSWERED,
    GROUP_HANDED_OVER,
    MENTORSHIP_REQUESTED,
    MENTORSHIP_ANSWERED,
    MENTORSHIP_ENDED,
    FOLLOWED_ACTIVITY,
)
