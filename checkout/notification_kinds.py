"""What checkout tells people, registered with notifications (CheckoutConfig.ready).
Money is worth an SMS: these kinds send one by default."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import DEFAULT_CHANNELS, SMS, Kind

WITH_SMS = DEFAULT_CHANNELS | {SMS}

PAYMENT_RECEIVED = Kind(
    "payment_received", _("Payment received"), "money", channels=WITH_SMS, sms_allowed=True
)
REFUND_SENT = Kind("refund_sent", _("Refund sent"), "money", channels=WITH_SMS, sms_allowed=True)
SUBSCRIPTION_ENDING = Kind(
    "subscription_ending",
    _("Subscription about to end"),
    "money",
    channels=WITH_SMS,
    sms_allowed=True,
)

KINDS = (PAYMENT_RECEIVED, REFUND_SENT, SUBSCRIPTION_ENDING)
