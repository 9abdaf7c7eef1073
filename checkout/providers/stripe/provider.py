"""Card payments through a Stripe-hosted Checkout page.

Follows Stripe's documentation:
- Checkout Sessions API (create, retrieve): https://docs.stripe.com/api/checkout/sessions
- webhook signature verification: https://docs.stripe.com/webhooks#verify-events
- refunds: https://docs.stripe.com/api/refunds
- zero-decimal currencies (XAF is one: 5000 means 5 000 FCFA, never ×100):
  https://docs.stripe.com/currencies#zero-decimal

Settings read at each call:
    STRIPE_SECRET_KEY           the secret API key (sk_live_… / sk_test_…)
    STRIPE_WEBHOOK_SECRET       the endpoint's signing secret (whsec_…); empty refuses all
    STRIPE_API_BASE             tests only: the fake Stripe server's address
    STRIPE_MAX_NETWORK_RETRIES  optional, default 1; safe since every POST has a fixed
                                Idempotency-Key
    CHECKOUT_PUBLIC_BASE_URL    the site's public origin, for the return pages
    CHECKOUT_HTTP_TIMEOUT       seconds per HTTP attempt, default 10

A webhook whose event is not one of the four checkout.session events below is still
authenticated, then answered with a Notification whose status is None ("poll to know"):
Stripe keeps re-sending any event that gets an error back. When the event is not about a
Checkout Session at all, its provider_reference is "" and the caller should just ignore it.
"""

import logging
from datetime import timedelta

import stripe
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from checkout.errors import InvalidNotification, PaymentDeclined, RefundRefused
from core import safe_json

from .. import base
from . import api

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "Stripe-Signature"
STRIPE_CURRENCY = "xaf"  # Stripe wants lowercase ISO codes; XAF is zero-decimal.
STRIPE_LOCALES = {"fr", "en"}

# Stripe accepts expires_at between 30 minutes and 24 hours after the session is created.
# The margins absorb clock drift and a start sent a few minutes after the payment row.
SHORTEST_SESSION = timedelta(minutes=35)
LONGEST_SESSION = timedelta(hours=23, minutes=55)

EVENT_COMPLETED = "checkout.session.completed"
EVENT_ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded"
EVENT_ASYNC_FAILED = "checkout.session.async_payment_failed"
EVENT_EXPIRED = "checkout.session.expired"

# The fields we keep from a session (PaymentEvent.payload): no customer details.
KEPT_FIELDS = (
    "id",
    "status",
    "payment_status",
    "amount_total",
    "currency",
    "payment_intent",
    "client_reference_id",
    "metadata",
    "expires_at",
)


class StripeProvider(base.Provider):
    name = "stripe"
    needs_phone = False

    def start(self, payment):
        try:
            session = api.client().v1.checkout.sessions.create(
                params=session_params(payment),
                # The same payment always sends the same parameters: a retried start
                # gets the first session back instead of a second one.
                options={"idempotency_key": str(payment.reference)},
            )
        except (stripe.CardError, stripe.InvalidRequestError, stripe.IdempotencyError) as error:
            logger.warning("Stripe refused payment %s: %s", payment.reference, error)
            raise PaymentDeclined(_declined_message(error)) from error
        except stripe.StripeError as error:
            raise api.unavailable("checkout session create", error) from error
        session = session.to_dict()
        return base.StartResult(
            provider_reference=session["id"], redirect_url=session["url"], raw=_kept(session)
        )

    def poll(self, payment):
        if not payment.provider_reference:
            # The start has not come back yet (or failed, and was recorded as such).
            return base.StatusResult(status=base.PENDING, provider_reference="")
        session = _retrieve_session(payment.provider_reference)
        return base.StatusResult(
            status=_status_of(session),
            provider_reference=session["id"],
            amount_xaf=session.get("amount_total"),
            currency=_currency(session),
            reason="expired" if session.get("status") == "expired" else "",
            raw=_kept(session),
        )

    def parse_webhook(self, request):
        try:
            # Bounded first: stripe parses with the plain json module.
            safe_json.loads(request.body, max_bytes=base.WEBHOOK_MAX_BYTES)
        except safe_json.UnsafeJSON as error:
            raise InvalidNotification("malformed Stripe event") from error
        try:
            event = stripe.Webhook.construct_event(
                request.body,
                request.headers.get(SIGNATURE_HEADER),
                getattr(settings, "STRIPE_WEBHOOK_SECRET", ""),
            ).to_dict()
            event_type = str(event["type"])
            obj = event["data"]["object"]
            is_session = obj.get("object") == "checkout.session"
        except stripe.SignatureVerificationError as error:
            raise InvalidNotification("bad, stale or missing Stripe signature") from error
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InvalidNotification("malformed Stripe event") from error
        raw = {"event_id": event.get("id", ""), "event_type": event_type}
        if not is_session:
            return base.Notification(provider_reference="", raw=raw)
        raw["session"] = _kept(obj)
        if event_type == EVENT_ASYNC_FAILED:
            status = base.FAILED
        elif event_type in (EVENT_COMPLETED, EVENT_ASYNC_SUCCEEDED, EVENT_EXPIRED):
            status = _status_of(obj)
        else:
            status = None
        return base.Notification(
            provider_reference=str(obj.get("id", "")),
            status=status,
            amount_xaf=obj.get("amount_total"),
            currency=_currency(obj),
            reason=_reason(event_type, status),
            raw=raw,
        )

    def refund(self, payment, amount_xaf, *, reference):
        session = _retrieve_session(payment.provider_reference)
        payment_intent = session.get("payment_intent")
        if isinstance(payment_intent, dict):
            payment_intent = payment_intent.get("id")
        if not payment_intent:
            raise RefundRefused(_("Stripe holds no card payment to refund for this payment."))
        # Our refund's own reference: a retry of this refund is the same request to Stripe,
        # the next partial refund a new one.
        key = f"refund:{reference}"
        try:
            refund = api.client().v1.refunds.create(
                params={
                    "payment_intent": payment_intent,
                    "amount": int(amount_xaf),
                    "metadata": {
                        "payment_reference": str(payment.reference),
                        "order_number": payment.order.number,
                    },
                },
                options={"idempotency_key": key},
            )
        except (stripe.InvalidRequestError, stripe.IdempotencyError) as error:
            logger.warning("Stripe refused a refund of payment %s: %s", payment.reference, error)
            raise RefundRefused(_("Stripe did not accept this refund.")) from error
        except stripe.StripeError as error:
            raise api.unavailable("refund create", error) from error
        return _refund_result(refund.to_dict())

    def refund_status(self, payment, refund):
        if not refund.provider_reference:
            # Never answered: asking again under the same Idempotency-Key is safe.
            return self.refund(payment, refund.amount_xaf, reference=refund.reference)
        try:
            answer = api.client().v1.refunds.retrieve(refund.provider_reference)
        except stripe.StripeError as error:
            raise api.unavailable("refund retrieve", error) from error
        return _refund_result(answer.to_dict())


def _refund_result(refund):
    status = {
        "succeeded": base.REFUND_DONE,
        "failed": base.REFUND_FAILED,
        "canceled": base.REFUND_FAILED,
    }.get(refund.get("status"), base.REFUND_PENDING)
    return base.RefundResult(
        provider_reference=refund["id"],
        status=status,
        reason=str(refund.get("failure_reason") or ""),
        raw={k: refund.get(k) for k in ("id", "status", "amount", "currency")},
    )


def session_params(payment):
    """What start() sends. Depends on the payment alone, so that a repeated start with
    the same Idempotency-Key sends exactly the same request."""
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    waiting_page = (
        f"{settings.CHECKOUT_PUBLIC_BASE_URL.rstrip('/')}"
        f"/{language}/checkout/payment/{payment.reference}/"
    )
    metadata = {"payment_reference": str(payment.reference), "order_number": payment.order.number}
    return {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": STRIPE_CURRENCY,
                    "unit_amount": int(payment.amount_xaf),
                    "product_data": {"name": payment.order.description},
                },
                "quantity": 1,
            }
        ],
        "success_url": waiting_page,
        "cancel_url": waiting_page,
        "client_reference_id": str(payment.reference),
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "expires_at": int(_session_expiry(payment).timestamp()),
        "locale": language if language in STRIPE_LOCALES else "auto",
    }


def _session_expiry(payment):
    """Our payment's expiry, moved into the window Stripe accepts. A session that outlives
    our payment is fine: a late success still counts (DESIGN.md, "Flows")."""
    created = payment.created_at or timezone.now()
    return min(max(payment.expires_at, created + SHORTEST_SESSION), created + LONGEST_SESSION)


def _retrieve_session(session_id):
    try:
        return api.client().v1.checkout.sessions.retrieve(session_id).to_dict()
    except stripe.StripeError as error:
        raise api.unavailable("checkout session retrieve", error) from error


def _status_of(session):
    if session.get("status") == "expired":
        return base.EXPIRED
    if session.get("status") == "complete" and session.get("payment_status") == "paid":
        return base.PAID
    # "open", or "complete" but "unpaid": a delayed payment method has not settled yet.
    return base.PENDING


def _currency(session):
    currency = session.get("currency")
    return str(currency).upper() if currency else None


def _reason(event_type, status):
    if status == base.FAILED:
        return "async_payment_failed"
    if status == base.EXPIRED:
        return "expired"
    return ""


def _kept(session):
    return {field: session.get(field) for field in KEPT_FIELDS}


def _declined_message(error):
    code = getattr(error, "code", None)
    if code == "amount_too_small":
        return _("This amount is too small for a card payment. Please pay with Mobile Money.")
    if code == "amount_too_large":
        return _("This amount is too large for a card payment. Please pay with Mobile Money.")
    return _("The card payment could not be started. Try again, or pay with Mobile Money.")
