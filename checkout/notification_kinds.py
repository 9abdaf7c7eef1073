"""What checkout tells people, registered with notifications (CheckoutConfig.ready).
Money is worth an SMS: these kinds send one by default."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import DEFAULT_CHANNELS, EMAIL, SITE, SMS, Kind

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
RENEWAL_REQUESTED = Kind(
    "subscription_renewal_requested",
    _("Subscription renewal requested on your phone"),
    "money",
    channels=WITH_SMS,
    sms_allowed=True,
)
RENEWAL_FAILED = Kind(
    "subscription_renewal_failed",
    _("Subscription renewal not paid"),
    "money",
    channels=WITH_SMS,
    sms_allowed=True,
)
SUBSCRIPTION_LAPSED = Kind(
    "subscription_lapsed",
    _("Subscription ended"),
    "money",
    channels=WITH_SMS,
    sms_allowed=True,
)

# A payment by code staff could not confirm: the student is told why.
PAYMENT_NOT_CONFIRMED = Kind(
    "payment_by_code_rejected",
    _("Payment by code not confirmed"),
    "money",
    channels=WITH_SMS,
    sms_allowed=True,
)

# For moderators: a refund the site could not make waits in the admin's refund queue.
REFUND_WAITING = Kind(
    "refund_waiting_for_staff",
    _("A refund waits for staff"),
    "staff",
    channels=frozenset({SITE, EMAIL}),
    staff_only=True,
)
# For moderators: the nightly ledger check found a transaction that does not balance,
# or a provider's clearing account that does not match its payments and refunds.
LEDGER_MISMATCH = Kind(
    "ledger_mismatch",
    _("The ledger check found a mismatch"),
    "staff",
    channels=frozenset({SITE, EMAIL}),
    staff_only=True,
)

# For moderators: a student paid by code and waits for the transfer to be confirmed.
CLAIM_WAITING = Kind(
    "payment_by_code_waiting",
    _("A payment by code waits for confirmation"),
    "staff",
    channels=frozenset({SITE, EMAIL}),
    staff_only=True,
)

KINDS = (
    PAYMENT_RECEIVED,
    REFUND_SENT,
    SUBSCRIPTION_ENDING,
    RENEWAL_REQUESTED,
    RENEWAL_FAILED,
    SUBSCRIPTION_LAPSED,
    REFUND_WAITING,
    LEDGER_MISMATCH,
    PAYMENT_NOT_CONFIRMED,
    CLAIM_WAITING,
)
