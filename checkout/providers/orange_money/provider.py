"""Orange Money backend for Cameroon, following Orange's merchant payment API ("OM
WebPay / MP") as Orange Cameroon documents it on Orange Developer, "Orange Money
Cameroon" (https://developer.orange.com/, Cameroon merchant payment API, omcoreapis
1.0.2).

How it talks to Orange:
- Token: POST {base}/token, Basic client id:secret, form grant_type=client_credentials;
  cached in the Django cache until `expires_in` minus a minute; a 401 on a call fetches
  a fresh token once. Every mp call also carries the merchant's X-AUTH-TOKEN.
- Start: POST {base}/omcoreapis/1.0.2/mp/init gives data.payToken, which becomes
  provider_reference (saved on the payment at once, so a notification still finds a
  payment whose mp/pay timed out); then POST .../mp/pay with the payToken, the merchant's number and
  PIN, the customer's 9-digit number, amount (string) and orderId (our order number).
  Orange answers PENDING: the customer confirms on their phone with their own PIN.
- Status: GET .../mp/paymentstatus/{payToken}: data.status PENDING, SUCCESSFULL (sic,
  Orange's spelling), FAILED, CANCELLED or EXPIRED, with data.amount. Orange names no
  currency: the merchant account is in XAF, so StatusResult.currency stays None.
- Notification: Orange POSTs to notifUrl, unsigned, and may never do so; we only read
  its payToken and poll (Notification.status None).
- Refund: Orange Cameroon publishes no refund API for merchant payments
  (refunds_by_api False): every refund waits for staff, who send the money from the
  merchant account in the Orange Money merchant portal and record the transfer's
  reference in the refund queue (checkout.refunds.record_hand_refund).

Settings (read with getattr; production.py sets them from the environment):
    ORANGE_MONEY_BASE_URL          e.g. https://api-s1.orange.cm
    ORANGE_MONEY_CLIENT_ID         OAuth client (consumer) key and
    ORANGE_MONEY_CLIENT_SECRET     secret
    ORANGE_MONEY_X_AUTH_TOKEN      the X-AUTH-TOKEN Orange gives the merchant
    ORANGE_MONEY_MERCHANT_MSISDN   the merchant ("channel user") number, 9 digits
    ORANGE_MONEY_MERCHANT_PIN      the merchant PIN (a secret)
    CHECKOUT_PUBLIC_BASE_URL       our public origin; notifications go to
                                   {it}/checkout/webhooks/orange_money/
    CHECKOUT_HTTP_TIMEOUT          seconds per HTTP call (default 10)
"""

import logging

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
from .client import OrangeMoneyClient

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/checkout/webhooks/orange_money/"
CAMEROON_PREFIX = "237"
STATUSES = {
    "PENDING": base.PENDING,
    "SUCCESSFULL": base.PAID,
    "SUCCESSFUL": base.PAID,  # in case Orange ever fixes the spelling
    "FAILED": base.FAILED,
    "CANCELLED": base.FAILED,
    "EXPIRED": base.EXPIRED,
}
REFUSED_AT_START = {"FAILED", "CANCELLED", "EXPIRED"}


class OrangeMoneyProvider(base.Provider):
    name = "orange_money"
    needs_phone = True

    def start(self, payment):
        subscriber = national_number(payment.phone)
        if subscriber is None:
            raise PaymentDeclined(_("Enter a Cameroonian Orange number to pay with Orange Money."))
        order = payment.order
        client = OrangeMoneyClient.from_settings()
        pay_token = client.init()
        # Recorded before mp/pay: if Orange prompts the customer but our call times out,
        # its notification must still find this payment (a late success still counts).
        Payment.objects.filter(pk=payment.pk).update(provider_reference=pay_token)
        response = client.pay(
            {
                "notifUrl": notification_url(),
                "channelUserMsisdn": getattr(settings, "ORANGE_MONEY_MERCHANT_MSISDN", ""),
                "amount": str(payment.amount_xaf),
                "subscriberMsisdn": subscriber,
                "pin": getattr(settings, "ORANGE_MONEY_MERCHANT_PIN", ""),
                "orderId": order.number,
                "description": f"Beauty Skills Academy {order.number}",
                "payToken": pay_token,
            }
        )
        if response.status_code == 403:
            logger.error("Orange Money refused mp/pay for our account: %s", response.text[:300])
            raise ProviderUnavailable("Orange Money mp/pay: HTTP 403")
        if 400 <= response.status_code < 500:
            logger.info(
                "Orange Money declined payment %s: HTTP %s %s",
                payment.reference,
                response.status_code,
                response.text[:300],
            )
            raise PaymentDeclined(_declined_message())
        answer = base.json_answer(response, expected=(200, 201), provider_label="Orange Money")
        data = _data(answer)
        if str(data.get("status", "")).upper() in REFUSED_AT_START:
            logger.info("Orange Money refused payment %s: %s", payment.reference, data)
            raise PaymentDeclined(_declined_message())
        return base.StartResult(provider_reference=pay_token, raw=_without_pin(answer))

    def poll(self, payment):
        pay_token = payment.provider_reference
        if not pay_token:
            raise ProviderUnavailable("This Orange Money payment never got a payToken.")
        answer = OrangeMoneyClient.from_settings().payment_status(pay_token)
        return status_result(answer, pay_token)

    def parse_webhook(self, request):
        data = base.json_object_body(request, "Orange Money")
        pay_token = data.get("payToken")
        if not pay_token or not isinstance(pay_token, str):
            raise InvalidNotification("Orange Money notification names no payToken")
        # Unsigned: what it says about status or amount is not trusted; poll instead.
        return base.Notification(provider_reference=pay_token, status=None, raw=data)

    # Orange Money Cameroon has no refund API for merchant payments: support sends the
    # money back from the merchant account and records the transfer (refunds.py).
    refunds_by_api = False

    def refund(self, payment, amount_xaf, *, reference):
        raise RefundRefused(
            _("Orange Money has no refund API: send the money from the merchant account.")
        )


def national_number(phone):
    """The 9-digit Cameroonian number Orange expects, or None."""
    digits = (phone or "").lstrip("+")
    if digits.startswith(CAMEROON_PREFIX) and len(digits) == 12:
        digits = digits[len(CAMEROON_PREFIX) :]
    return digits if len(digits) == 9 and digits.isdigit() else None


def notification_url():
    public = getattr(settings, "CHECKOUT_PUBLIC_BASE_URL", "").rstrip("/")
    return f"{public}{WEBHOOK_PATH}" if public else ""


def _declined_message():
    return _(
        "Orange Money refused this payment. "
        "Check the number and try again, or choose another way to pay."
    )


def _data(answer):
    data = answer.get("data")
    return data if isinstance(data, dict) else {}


def _without_pin(answer):
    # Payment events keep the raw answer: never the merchant PIN, should Orange echo it.
    data = _data(answer)
    if "pin" in data:
        return {**answer, "data": {key: value for key, value in data.items() if key != "pin"}}
    return answer


def status_result(answer, pay_token):
    """The StatusResult for a paymentstatus answer."""
    data = _data(answer)
    if not data:
        raise ProviderUnavailable("Orange Money status answer has no data.")
    orange_status = str(data.get("status", "")).upper()
    status = STATUSES.get(orange_status, base.PENDING)
    return base.StatusResult(
        status=status,
        provider_reference=pay_token,
        amount_xaf=whole_xaf(data.get("amount"), provider_label="Orange Money"),
        currency=None,
        reason=orange_status if status in (base.FAILED, base.EXPIRED) else "",
        raw=_without_pin(answer),
    )
