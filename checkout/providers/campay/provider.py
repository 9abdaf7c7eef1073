"""Campay backend, following Campay's API documentation (https://www.campay.net, "API
documentation" of a registered app) and its official Python SDK (CamPay/campay-python-sdk):
one API for MTN Mobile Money and Orange Money in Cameroon, with a demo host
(https://demo.campay.net) and a live one.

How it talks to Campay:
- Token: POST {base}/api/token/ {username, password} (the app's API username and
  password) gives {token, expires_in}; kept in the Django cache until a minute before it
  expires; calls carry "Authorization: Token <token>"; a 401 fetches a fresh one once.
- Start: POST {base}/api/collect/ {amount (string), currency XAF, from (2376XXXXXXXX),
  description, external_reference = our Payment.reference}. Campay answers 200 with its
  own `reference` (provider_reference), the `operator` and the `ussd_code` the payer can
  dial to find the prompt.
- Status: GET {base}/api/transaction/{reference}/: status PENDING, SUCCESSFUL or FAILED,
  with amount, currency, operator and operator_reference.
- Webhook: Campay calls the app's webhook URL (GET with query parameters; POST accepted
  too) with status, reference, external_reference, amount... and `signature`, a JWT
  signed HS256 with the app's webhook key. A notification whose signature does not
  verify is refused; one that does is still only a reason to ask the status now
  (Notification.status None): the status call decides, never the webhook alone.
- Refund: Campay has no refund of a collection; the money goes back by a withdrawal,
  POST {base}/api/withdraw/ {amount, currency, to = the payer's number, description,
  external_reference = the Refund's reference}. Campay does not say it refuses a second
  withdrawal under the same external_reference, so our reference is also written in the
  description: when an answer is lost, the refund's status is found in the app's history
  (POST {base}/api/history/) by that reference, and the withdrawal is sent again (same
  reference) only when Campay has none. A withdrawal stays pending until Campay says
  SUCCESSFUL or FAILED.

Settings (read with getattr; production.py sets them from the environment):
    CAMPAY_BASE_URL        https://demo.campay.net, or https://www.campay.net
    CAMPAY_USERNAME        the app's API username and
    CAMPAY_PASSWORD        password
    CAMPAY_WEBHOOK_KEY     the app's webhook key (signs the webhook's JWT)
    CHECKOUT_PUBLIC_BASE_URL  our origin; set the app's webhook URL in Campay to
                           {it}/checkout/webhooks/campay/
    CHECKOUT_HTTP_TIMEOUT  seconds per HTTP call (default 10)
"""

import logging
import uuid
from datetime import timedelta

import jwt
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.errors import (
    InvalidNotification,
    PaymentDeclined,
    ProviderUnavailable,
    RefundRefused,
)
from checkout.models import Payment
from checkout.money import CURRENCY, whole_xaf

from .. import base
from .client import LABEL, CampayClient, error_message

logger = logging.getLogger(__name__)

STATUSES = {"PENDING": base.PENDING, "SUCCESSFUL": base.PAID, "FAILED": base.FAILED}
REFUND_STATUSES = {"SUCCESSFUL": base.REFUND_DONE, "FAILED": base.REFUND_FAILED}
WEBHOOK_FIELDS = ("status", "reference", "external_reference", "amount", "currency", "code")


class CampayProvider(base.Provider):
    name = "campay"
    needs_phone = True
    # Campay calls its webhook with GET and query parameters.
    webhook_by_get = True

    def start(self, payment):
        order = payment.order
        response = CampayClient.from_settings().collect(
            {
                "amount": str(payment.amount_xaf),
                "currency": CURRENCY,
                "from": payment.phone.lstrip("+"),
                "description": f"Beauty Skills Academy {order.number}",
                "external_reference": str(payment.reference),
            }
        )
        if response.status_code in (401, 403):
            logger.error("Campay refused collect for our app: %s", response.text[:300])
            raise ProviderUnavailable(f"Campay collect: HTTP {response.status_code}")
        if 400 <= response.status_code < 500:
            message = error_message(response)
            logger.info("Campay declined payment %s: %s", payment.reference, message)
            raise PaymentDeclined(_declined_message(), code=message[:60])
        data = base.json_answer(response, expected=(200,), provider_label=LABEL)
        reference = data.get("reference")
        if not reference or not isinstance(reference, str):
            raise ProviderUnavailable("Campay collect answer has no reference.")
        return base.StartResult(provider_reference=reference, raw=data)

    def poll(self, payment):
        reference = payment.provider_reference
        if not reference:
            raise ProviderUnavailable("This Campay payment never got a reference.")
        data = CampayClient.from_settings().transaction(reference)
        return status_result(data, reference)

    def parse_webhook(self, request):
        data = request.GET.dict() if request.method == "GET" else _body(request)
        verify_signature(data.get("signature"))
        reference = data.get("reference")
        if not reference or not isinstance(reference, str):
            raise InvalidNotification("Campay notification names no reference")
        _adopt_lost_start(reference, data.get("external_reference"))
        # Signed, yet only a reason to ask: the status call decides.
        raw = {key: str(data[key]) for key in WEBHOOK_FIELDS if key in data}
        return base.Notification(provider_reference=reference, status=None, raw=raw)

    def refund(self, payment, amount_xaf, *, reference):
        if not payment.phone:
            raise RefundRefused(_("This payment has no number to send the refund to."))
        response = CampayClient.from_settings().withdraw(
            {
                "amount": str(int(amount_xaf)),
                "currency": CURRENCY,
                "to": payment.phone.lstrip("+"),
                "description": refund_description(payment, reference),
                "external_reference": str(reference),
            }
        )
        if response.status_code in (401, 403):
            raise ProviderUnavailable(f"Campay withdraw: HTTP {response.status_code}")
        if 400 <= response.status_code < 500:
            message = error_message(response)
            logger.warning("Campay refused refund of %s: %s", payment.reference, message)
            raise RefundRefused(
                _("Campay refused this refund (%(reason)s).") % {"reason": message or "?"}
            )
        data = base.json_answer(response, expected=(200,), provider_label=LABEL)
        campay_reference = data.get("reference")
        if not campay_reference:
            raise ProviderUnavailable("Campay withdraw answer has no reference.")
        # Campay settles a withdrawal later: pending until its status says otherwise.
        return base.RefundResult(
            provider_reference=str(campay_reference), status=base.REFUND_PENDING, raw=data
        )

    def refund_status(self, payment, refund):
        client = CampayClient.from_settings()
        if refund.provider_reference:
            data = client.transaction(refund.provider_reference)
            return refund_result(data, refund.provider_reference)
        # The withdrawal's answer was lost: Campay's history says whether it has it.
        today = timezone.localdate()
        entries = client.history(
            start_date=timezone.localdate(refund.created_at) - timedelta(days=1),
            end_date=today,
        )
        marker = str(refund.reference)
        for entry in entries:
            if marker in str(entry.get("description", "")):
                return refund_result(entry, str(entry.get("reference_uuid") or ""))
        return base.RefundResult(provider_reference="", status=base.REFUND_UNKNOWN)


def verify_signature(signature):
    """The webhook's JWT, checked with the app's webhook key (HS256), or
    InvalidNotification."""
    key = getattr(settings, "CAMPAY_WEBHOOK_KEY", "")
    if not key:
        raise InvalidNotification("Campay webhook key is not configured")
    if not signature or not isinstance(signature, str):
        raise InvalidNotification("Campay notification has no signature")
    try:
        return jwt.decode(signature, key, algorithms=["HS256"])
    except jwt.InvalidTokenError as error:
        raise InvalidNotification(f"Campay signature refused: {error}") from error


def refund_description(payment, reference):
    return f"Beauty Skills Academy refund {payment.order.number} {reference}"


def _body(request):
    if request.content_type == "application/json":
        return base.json_object_body(request, LABEL)
    return request.POST.dict()


def _adopt_lost_start(reference, external_reference):
    """A collect whose answer was lost left our payment without Campay's reference; its
    signed notification names ours (external_reference): the payment takes Campay's, so
    a late success still counts."""
    try:
        ours = uuid.UUID(str(external_reference or ""))
    except ValueError:
        return
    Payment.objects.filter(
        provider="campay", reference=ours, provider_reference__isnull=True
    ).update(provider_reference=reference)


def _declined_message():
    return _(
        "The Mobile Money operator refused this payment. "
        "Check the number and try again, or choose another way to pay."
    )


def status_result(data, reference):
    """The StatusResult for a transaction status answer."""
    campay_status = str(data.get("status", "")).upper()
    status = STATUSES.get(campay_status, base.PENDING)
    currency = data.get("currency")
    return base.StatusResult(
        status=status,
        provider_reference=reference,
        amount_xaf=whole_xaf(data.get("amount"), provider_label=LABEL),
        currency=str(currency) if currency else None,
        reason=str(data.get("reason") or campay_status) if status == base.FAILED else "",
        raw=data,
    )


def refund_result(data, reference):
    """The RefundResult for a withdrawal's status (a transaction or a history entry)."""
    status = REFUND_STATUSES.get(str(data.get("status", "")).upper(), base.REFUND_PENDING)
    reason = str(data.get("reason") or "FAILED") if status == base.REFUND_FAILED else ""
    return base.RefundResult(provider_reference=reference, status=status, reason=reason, raw=data)
