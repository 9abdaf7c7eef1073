"""Demo payments through the sandbox provider: the order is made, the prompt reaches the
buyer's phone and the buyer presses Approve, as on the sandbox phone page."""

from checkout import manual_codes
from checkout.models import ManualPayment, Order, Payment, SandboxCharge
from checkout.renewals import record_consent
from checkout.services import create_order, poll_payment, start_payment

# Sandbox numbers in the MTN MoMo (67…) and Orange Money (69…) ranges. Any number other
# than the scripted test numbers waits for Approve, which the demo presses.
MTN_PHONE = "+237677{:06d}"
ORANGE_PHONE = "+237699{:06d}"


def phone_of(network, number):
    return (MTN_PHONE if network == "mtn" else ORANGE_PHONE).format(number)


def pay(*, user, item_type, item_id, phone, coupon_code="", renew_automatically=False):
    """A paid order for `item_id`, through the same services as the pay form (with its
    "renew automatically from this number" box, for a subscription)."""
    order = create_order(user=user, item_type=item_type, item_id=item_id, coupon_code=coupon_code)
    if renew_automatically:
        record_consent(order=order, given=True)
    payment = start_payment(order=order, provider_name=Payment.Provider.SANDBOX, phone=phone)
    SandboxCharge.objects.filter(
        reference=payment.reference, status=SandboxCharge.Status.WAITING
    ).update(status=SandboxCharge.Status.APPROVED)
    poll_payment(payment=payment)
    order.refresh_from_db()
    if order.status != Order.Status.PAID:
        raise RuntimeError(f"Demo order {order.number} was not paid: {order.status}")
    return order


def waiting_for_confirmation(*, user, item_type, item_id, transaction_id):
    """An order paid by code: the code issued, the transfer made by USSD and its
    transaction id typed by the buyer; the moderator has still to confirm it. Only when
    payments by code are on (they are for `make run`); None otherwise."""
    if not manual_codes.enabled():
        return None
    order = create_order(user=user, item_type=item_type, item_id=item_id)
    payment = start_payment(order=order, provider_name=Payment.Provider.MANUAL)
    return manual_codes.claim(
        manual=ManualPayment.objects.get(payment=payment),
        user=user,
        transaction_id=transaction_id,
        payer_phone=str(user.phone or ""),
    )
