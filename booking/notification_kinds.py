"""What booking tells clients and professionals, registered with notifications
(BookingConfig.ready). Appointments are worth an SMS: these kinds send one by default."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import DEFAULT_CHANNELS, EMAIL, SITE, SMS, Kind

WITH_SMS = DEFAULT_CHANNELS | {SMS}


def _appointment(key, label):
    return Kind(key, label, "appointments", channels=WITH_SMS, sms_allowed=True)


BOOKING_CONFIRMED = _appointment("booking_confirmed", _("Appointment confirmed"))
BOOKING_MOVED = _appointment("booking_moved", _("Appointment moved"))
BOOKING_CANCELLED = _appointment("booking_cancelled", _("Appointment cancelled"))
BOOKING_REMINDER = _appointment("booking_reminder", _("Appointment reminder"))
DEPOSIT_REFUNDED = _appointment(
    "booking_deposit_refunded", _("Deposit refunded (the slot was taken)")
)

# For moderators: a deposit refund the site could not even start, after every retry.
DEPOSIT_REFUND_STUCK = Kind(
    "booking_deposit_refund_stuck",
    _("A deposit refund could not be started"),
    "staff",
    channels=frozenset({SITE, EMAIL}),
    staff_only=True,
)

KINDS = (
    BOOKING_CONFIRMED,
    BOOKING_MOVED,
    BOOKING_CANCELLED,
    BOOKING_REMINDER,
    DEPOSIT_REFUNDED,
    DEPOSIT_REFUND_STUCK,
)
