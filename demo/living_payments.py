"""Demo payments through the sandbox provider: the order is made, the prompt reaches the
buyer's phone and the buyer presses Approve, as on the sandbox phone page."""

from checkout.models import Order, Payment, SandboxCharge
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
