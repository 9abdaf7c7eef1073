"""Why a payment failed, in a sentence a person understands, with what to do next.

Providers report codes (MTN MoMo `reason`, Orange Money `status`, Stripe session and
decline codes, our sandbox); a code we do not know gets the generic sentence."""

from django.utils.translation import gettext_lazy as _

REFUSED_ON_PHONE = _(
    "The payment was refused on the phone. If that was a mistake, tap “Try again” "
    "and confirm with your PIN."
)
NOT_ENOUGH_MONEY = _(
    "There is not enough money on this account. Top it up, then tap “Try again”, "
    "or choose another way to pay."
)
NO_ACCOUNT = _(
    "This number has no Mobile Money account. Check the number or choose another way to pay."
)
NO_ANSWER = _("Nobody confirmed the payment in time. Keep your phone at hand and tap “Try again”.")
LIMIT_REACHED = _(
    "This account has reached its payment limit. Try another number or another way to pay."
)
PROVIDER_TROUBLE = _(
    "The payment service had a problem and took no money. Please try again in a few minutes."
)
CARD_FAILED = _(
    "The card payment did not go through and no money was taken. Try again, "
    "or pay with Mobile Money."
)
GENERIC = _(
    "The payment did not go through and no money was taken. Try again, "
    "or choose another way to pay."
)

# Codes as each provider documents them, upper-cased.
EXPLANATIONS = {
    # MTN MoMo Collection API (requesttopay status `reason`) and the sandbox.
    "APPROVAL_REJECTED": REFUSED_ON_PHONE,
    "TRANSACTION_CANCELED": REFUSED_ON_PHONE,
    "NOT_ENOUGH_FUNDS": NOT_ENOUGH_MONEY,
    "PAYER_NOT_FOUND": NO_ACCOUNT,
    "EXPIRED": NO_ANSWER,
    "PAYER_LIMIT_REACHED": LIMIT_REACHED,
    "LOW_BALANCE_OR_PAYEE_LIMIT_REACHED_OR_NOT_ALLOWED": NOT_ENOUGH_MONEY,
    "PAYEE_NOT_FOUND": PROVIDER_TROUBLE,
    "PAYEE_NOT_ALLOWED_TO_RECEIVE": PROVIDER_TROUBLE,
    "NOT_ALLOWED": PROVIDER_TROUBLE,
    "NOT_ALLOWED_TARGET_ENVIRONMENT": PROVIDER_TROUBLE,
    "INVALID_CALLBACK_URL_HOST": PROVIDER_TROUBLE,
    "INVALID_CURRENCY": PROVIDER_TROUBLE,
    "INTERNAL_PROCESSING_ERROR": PROVIDER_TROUBLE,
    "SERVICE_UNAVAILABLE": PROVIDER_TROUBLE,
    "COULD_NOT_PERFORM_TRANSACTION": PROVIDER_TROUBLE,
    # Orange Money mp/paymentstatus `status`.
    "CANCELLED": REFUSED_ON_PHONE,
    "FAILED": GENERIC,
    # Stripe Checkout (session outcome, card decline codes).
    "ASYNC_PAYMENT_FAILED": CARD_FAILED,
    "CARD_DECLINED": CARD_FAILED,
    "INSUFFICIENT_FUNDS": NOT_ENOUGH_MONEY,
    "EXPIRED_CARD": CARD_FAILED,
    "PROCESSING_ERROR": PROVIDER_TROUBLE,
}


def explain_failure(code):
    """The sentence to show for a provider's failure code (any case; unknown: generic)."""
    return str(EXPLANATIONS.get((code or "").strip().upper(), GENERIC))
