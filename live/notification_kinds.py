"""What live sessions tell people, registered with notifications (LiveConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import DEFAULT_CHANNELS, SMS, Kind

LIVE_REGISTERED = Kind("live_registered", _("My place in a live session is confirmed"), "learning")
LIVE_WAITING = Kind("live_waiting", _("I am on a live session's waiting list"), "learning")
LIVE_REMINDER = Kind("live_reminder", _("A live session I registered for starts soon"), "learning")
LIVE_CANCELLED = Kind(
    "live_cancelled", _("A live session I registered for is cancelled"), "learning"
)

# A payment that arrived when no place was left: checkout's "refund sent" follows.
# Money news goes out by SMS by default, as checkout's payments and refunds do.
LIVE_PLACE_GONE = Kind(
    "live_place_gone",
    _("My payment for a live session came when no place was left"),
    "money",
    channels=DEFAULT_CHANNELS | {SMS},
    sms_allowed=True,
)

KINDS = (LIVE_REGISTERED, LIVE_WAITING, LIVE_REMINDER, LIVE_CANCELLED, LIVE_PLACE_GONE)
