"""The sandbox provider: a pretend Mobile Money network inside the site, for `make run`,
the demo and tests. Its "phone" is a page with Approve / Reject buttons
(checkout:sandbox_phone). Test numbers script the outcome (see README, "Payments"):

    6 70 00 00 01  approved by itself 5 seconds after the prompt
    6 70 00 00 02  rejected at once (APPROVAL_REJECTED)
    6 70 00 00 03  never answers: the payment expires
    6 70 00 00 04  approved only after the payment has expired
    6 99 00 00 05  an Orange Money-like number: its refunds have no API and wait for
                   staff, who send the money and record the transfer
    any other      waits for someone to press Approve or Reject on the sandbox phone
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from checkout.errors import InvalidNotification, PaymentDeclined
from checkout.failures import explain_failure
from checkout.models import SandboxCharge
from checkout.money import CURRENCY
from core import safe_json

from . import base

AUTO_APPROVE = "+237670000001"
REJECT = "+237670000002"
NEVER_ANSWERS = "+237670000003"
APPROVE_AFTER_EXPIRY = "+237670000004"
REFUNDS_BY_HAND = "+237699000005"
SIGNATURE_HEADER = "X-Sandbox-Signature"


def sign(body):
    secret = settings.CHECKOUT_SANDBOX_SECRET.encode()
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


class SandboxProvider(base.Provider):
    name = "sandbox"
    needs_phone = True

    def start(self, payment):
        now = timezone.now()
        charge = SandboxCharge(
            reference=payment.reference, phone=payment.phone, amount_xaf=payment.amount_xaf
        )
        if payment.phone == REJECT:
            raise PaymentDeclined(explain_failure("APPROVAL_REJECTED"), code="APPROVAL_REJECTED")
        if payment.phone == AUTO_APPROVE:
            charge.decide_at, charge.scripted_status = now + timedelta(seconds=5), "approved"
        elif payment.phone == APPROVE_AFTER_EXPIRY:
            charge.decide_at = payment.expires_at + timedelta(seconds=30)
            charge.scripted_status = "approved"
        charge.save()
        phone_page = reverse("checkout:sandbox_phone", args=[payment.reference])
        return base.StartResult(
            provider_reference=str(payment.reference),
            redirect_url="",
            raw={"sandbox_phone": phone_page},
        )

    def poll(self, payment):
        charge = SandboxCharge.objects.filter(reference=payment.reference).first()
        if charge is None:
            return base.StatusResult(base.FAILED, str(payment.reference), reason="UNKNOWN")
        if charge.scripted_status and charge.decide_at and charge.decide_at <= timezone.now():
            SandboxCharge.objects.filter(pk=charge.pk, status=SandboxCharge.Status.WAITING).update(
                status=charge.scripted_status
            )
            charge.refresh_from_db()
        return _status_of(charge)

    def refunds_by_api_for(self, payment):
        return payment.phone != REFUNDS_BY_HAND

    def parse_webhook(self, request):
        signature = request.headers.get(SIGNATURE_HEADER, "")
        if not signature or not hmac.compare_digest(signature, sign(request.body)):
            raise InvalidNotification("bad or missing signature")
        try:
            data = safe_json.loads(request.body, max_bytes=base.WEBHOOK_MAX_BYTES)
            return base.Notification(
                provider_reference=str(data["reference"]),
                status=data["status"],
                amount_xaf=int(data["amount"]),
                currency=str(data["currency"]),
                raw=data,
            )
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidNotification("malformed body") from error

    def refund(self, payment, amount_xaf, *, reference):
        with transaction.atomic():
            charge = SandboxCharge.objects.select_for_update().get(reference=payment.reference)
            if str(reference) not in charge.refund_references:
                charge.refunded_xaf += amount_xaf
                charge.refund_references = [*charge.refund_references, str(reference)]
                charge.save(update_fields=["refunded_xaf", "refund_references"])
        return base.RefundResult(provider_reference=f"sandbox-{reference}", status=base.REFUND_DONE)


def _status_of(charge):
    status = {
        SandboxCharge.Status.APPROVED: base.PAID,
        SandboxCharge.Status.REJECTED: base.FAILED,
    }.get(charge.status, base.PENDING)
    return base.StatusResult(
        status=status,
        provider_reference=str(charge.reference),
        amount_xaf=charge.amount_xaf,
        currency=CURRENCY,
        reason="APPROVAL_REJECTED" if status == base.FAILED else "",
        raw={"reference": str(charge.reference), "status": charge.status},
    )
