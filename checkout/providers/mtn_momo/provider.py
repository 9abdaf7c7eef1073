"""MTN Mobile Money backend, following the MTN MoMo Developer Portal, Collection API v1_0
(and Disbursement v1_0 for refunds): https://momodeveloper.mtn.com/api-documentation/

How it talks to MTN:
- Token: POST {base}/collection/token/ (Basic api user:api key, Ocp-Apim-Subscription-Key),
  cached in the Django cache until `expires_in` minus a minute; a 401 on a call fetches
  a fresh token once.
- Start: POST {base}/collection/v1_0/requesttopay with X-Reference-Id = Payment.reference
  (our UUID4, made before the call, so provider_reference is that same UUID; it is saved
  on the payment before the call, so a callback still finds a payment whose start timed
  out). MTN answers 202 with no body; 409 means that reference was already used, i.e. a
  retry of a request MTN already has: we go on as started.
- Status: GET {base}/collection/v1_0/requesttopay/{referenceId}: PENDING, SUCCESSFUL, or
  FAILED with a `reason` (EXPIRED becomes base.EXPIRED; APPROVAL_REJECTED,
  PAYER_NOT_FOUND, NOT_ENOUGH_FUNDS... become base.FAILED).
- Callback: MTN POSTs or PUTs to X-Callback-Url, unsigned, and may never call at all. So a
  callback is only a hint to poll now (Notification.status None); the poll decides.
- Refund: the Collection API has no refund of a requesttopay in every market. We use the
  Disbursement product's POST {base}/disbursement/v1_0/refund (referenceIdToRefund = the
  payment's reference), with the Disbursement product's own subscription key and API
  user. X-Reference-Id is the Refund row's reference, made before the first call and
  sent again on every retry: MTN answers 409 to a reference it already holds, so a retry
  after a lost answer never pays twice. MTN accepts with 202 and settles later: the
  refund stays pending until GET refund/{referenceId} says SUCCESSFUL or FAILED (a 404
  there means our request never arrived: it is sent again, same reference).

Settings (read with getattr; production.py sets them from the environment):
    MTN_MOMO_BASE_URL            https://sandbox.momodeveloper.mtn.com, or the live host
    MTN_MOMO_SUBSCRIPTION_KEY    Collection product's Ocp-Apim-Subscription-Key
    MTN_MOMO_API_USER            API user (UUID) and its
    MTN_MOMO_API_KEY             API key
    MTN_MOMO_TARGET_ENVIRONMENT  "sandbox", or the live one MTN gives (e.g. "mtncameroon")
    MTN_MOMO_CURRENCY            "XAF" in production; the MTN sandbox only takes "EUR"
    MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY  the Disbursement product's key, and its
    MTN_MOMO_DISBURSEMENT_API_USER / _API_KEY  API user and key; without all three,
                                 refunds wait for staff (refund by hand)
    CHECKOUT_PUBLIC_BASE_URL     our public origin; callbacks go to
                                 {it}/checkout/webhooks/mtn_momo/
    CHECKOUT_HTTP_TIMEOUT        seconds per HTTP call (default 10)
"""

import logging
import uuid

from django.conf import settings
from django.utils.translation import gettext as _

from checkout.errors import (
    InvalidNotification,
    PaymentDeclined,
    ProviderUnavailable,
    RefundRefused,
)
from checkout.models import Payment
from checkout.money import whole_xaf

from .. import base
from .client import MomoClient, error_code

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/checkout/webhooks/mtn_momo/"
STATUSES = {"PENDING": base.PENDING, "SUCCESSFUL": base.PAID, "FAILED": base.FAILED}


class MtnMomoProvider(base.Provider):
    name = "mtn_momo"
    needs_phone = True

    def start(self, payment):
        order = payment.order
        reference_id = str(payment.reference)
        body = {
            "amount": str(payment.amount_xaf),
            "currency": _currency(),
            "externalId": order.number,
            "payer": {"partyIdType": "MSISDN", "partyId": payment.phone.lstrip("+")},
            "payerMessage": f"Beauty Skills Academy {order.number}",
            "payeeNote": order.number,
        }
        client = MomoClient.from_settings()
        # Recorded before the call: if MTN takes the request but our call times out,
        # its callback must still find this payment (a late success still counts).
        Payment.objects.filter(pk=payment.pk, provider_reference__isnull=True).update(
            provider_reference=reference_id
        )
        response = client.request_to_pay(
            reference_id=reference_id, callback_url=callback_url(), body=body
        )
        if response.status_code in (202, 409):
            # 409: MTN already holds a request under this reference (our retry).
            return base.StartResult(
                provider_reference=reference_id,
                raw={"referenceId": reference_id, "http_status": response.status_code},
            )
        if response.status_code in (401, 403):
            logger.error("MTN MoMo refused requesttopay for our account: %s", response.text[:300])
            raise ProviderUnavailable(f"MTN MoMo requesttopay: HTTP {response.status_code}")
        if 400 <= response.status_code < 500:
            code = error_code(response)
            logger.info(
                "MTN MoMo declined payment %s: %s %s", reference_id, response.status_code, code
            )
            raise PaymentDeclined(_declined_message(code), code=code)
        raise ProviderUnavailable(f"MTN MoMo requesttopay: unexpected HTTP {response.status_code}")

    def poll(self, payment):
        reference_id = str(payment.reference)
        data = MomoClient.from_settings().request_to_pay_status(reference_id)
        return status_result(data, reference_id)

    def parse_webhook(self, request):
        data = base.json_object_body(request, "MTN MoMo")
        candidate = data.get("referenceId") or request.headers.get("X-Reference-Id", "")
        try:
            reference_id = str(uuid.UUID(str(candidate)))
        except ValueError as error:
            raise InvalidNotification("MTN MoMo callback names no referenceId") from error
        # Unsigned: what it says about status or amount is not trusted; poll instead.
        return base.Notification(provider_reference=reference_id, status=None, raw=data)

    def refund(self, payment, amount_xaf, *, reference):
        client = MomoClient.from_settings()
        if not client.can_disburse:
            raise RefundRefused(
                _("MTN Mobile Money refunds are not set up (Disbursement credentials).")
            )
        reference_id = str(reference)
        response = client.refund(
            reference_id=reference_id,
            body={
                "amount": str(int(amount_xaf)),
                "currency": _currency(),
                "externalId": payment.order.number,
                "payerMessage": f"Beauty Skills Academy refund {payment.order.number}",
                "payeeNote": payment.order.number,
                "referenceIdToRefund": str(payment.reference),
            },
        )
        if response.status_code in (401, 403):
            raise ProviderUnavailable(f"MTN MoMo refund: HTTP {response.status_code}")
        if response.status_code not in (202, 409):
            code = error_code(response)
            logger.warning(
                "MTN MoMo refused refund of %s: HTTP %s %s",
                payment.reference,
                response.status_code,
                code,
            )
            raise RefundRefused(
                _("MTN Mobile Money refused this refund (%(code)s).")
                % {"code": code or response.status_code}
            )
        # 202, or 409: MTN already holds a refund under this reference (our retry after
        # a lost answer). Either way its status says where it stands; a status that
        # cannot be had now leaves the refund pending, never failed.
        try:
            data = client.refund_status(reference_id)
        except ProviderUnavailable:
            logger.info("MTN MoMo took refund %s; its status will be checked later", reference_id)
            return base.RefundResult(provider_reference=reference_id, status=base.REFUND_PENDING)
        if data is None:
            return base.RefundResult(provider_reference=reference_id, status=base.REFUND_PENDING)
        return refund_result(data, reference_id)

    def refund_status(self, payment, refund):
        reference_id = str(refund.reference)
        data = MomoClient.from_settings().refund_status(reference_id)
        if data is None:
            return base.RefundResult(provider_reference=reference_id, status=base.REFUND_UNKNOWN)
        return refund_result(data, reference_id)


def refund_result(data, reference_id):
    """The RefundResult for a disbursement refund status answer."""
    status = {"SUCCESSFUL": base.REFUND_DONE, "FAILED": base.REFUND_FAILED}.get(
        str(data.get("status", "")).upper(), base.REFUND_PENDING
    )
    reason = _reason(data) if status == base.REFUND_FAILED else ""
    return base.RefundResult(
        provider_reference=reference_id, status=status, reason=reason, raw=data
    )


def callback_url():
    public = getattr(settings, "CHECKOUT_PUBLIC_BASE_URL", "").rstrip("/")
    return f"{public}{WEBHOOK_PATH}" if public else ""


def _currency():
    return getattr(settings, "MTN_MOMO_CURRENCY", "XAF")


def _declined_message(code):
    if code == "PAYER_NOT_FOUND":
        return _(
            "This number has no MTN Mobile Money account. "
            "Check the number or choose another way to pay."
        )
    if code == "NOT_ENOUGH_FUNDS":
        return _(
            "There is not enough money on this MTN Mobile Money account. "
            "Top it up or choose another way to pay."
        )
    return _(
        "MTN Mobile Money refused this payment. "
        "Check the number and try again, or choose another way to pay."
    )


def _reason(data):
    # Documented as a string code; some MTN deployments send {"code", "message"}.
    reason = data.get("reason") or ""
    if isinstance(reason, dict):
        reason = reason.get("code") or reason.get("message") or ""
    return str(reason)


def status_result(data, reference_id):
    """The StatusResult for a requesttopay status answer."""
    mtn_status = str(data.get("status", "")).upper()
    reason = _reason(data)
    status = STATUSES.get(mtn_status, base.PENDING)
    if status == base.FAILED and reason.upper() == "EXPIRED":
        status = base.EXPIRED
    currency = data.get("currency")
    return base.StatusResult(
        status=status,
        provider_reference=reference_id,
        amount_xaf=whole_xaf(data.get("amount"), provider_label="MTN MoMo"),
        currency=str(currency) if currency else None,
        reason=reason if status in (base.FAILED, base.EXPIRED) else "",
        raw=data,
    )
