"""Checkout rules. A payment becomes paid exactly once, whatever order and number of
webhooks and polls bring the news: every change happens under select_for_update."""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.phone import parse_cameroon_phone

from . import ledger, signals
from .errors import InvalidCoupon, InvalidPhone, NotForSale
from .models import Coupon, CouponUse, Order, Payment, PaymentEvent
from .money import CURRENCY
from .providers import base, get_provider
from .purchasables import fulfiller_for
from .review import flag_for_review

logger = logging.getLogger(__name__)

# Back-off between status checks of a pending payment, in seconds.
POLL_SCHEDULE = [5, 10, 20, 30, 60, 120, 300]


def payment_lifetime():
    return timedelta(minutes=getattr(settings, "CHECKOUT_PAYMENT_MINUTES", 10))


# --- Orders -----------------------------------------------------------------------------


def find_coupon(*, code, item_type, item_id, user=None, now=None):
    """The coupon a code names, when it may apply to this item (and person); else
    InvalidCoupon with the reason. The limits are checked again, under lock, when an
    order reserves a use (reserve_coupon_use)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    now = now or timezone.now()
    coupon = Coupon.objects.filter(code=code, active=True).first()
    if coupon is None:
        raise InvalidCoupon(_("This coupon code does not exist."))
    if coupon.expires_at and coupon.expires_at <= now:
        raise InvalidCoupon(_("This coupon has expired."))
    if not coupon.applies_to(item_type=item_type, item_id=item_id):
        raise InvalidCoupon(_("This coupon is not valid for this item."))
    # The buyer's own open order for this item takes the coupon again: not a new use.
    own_open_order = Q(
        order__user=user,
        order__item_type=item_type,
        order__item_id=str(item_id),
        order__status=Order.Status.PENDING,
    )
    _check_limits(coupon, user=user, now=now, not_counted=own_open_order if user else Q())
    return coupon


def _live_uses(coupon, now):
    """Uses that count against the coupon's limits: paid, or held by an order still
    waiting for payment (one past its time counts no more, even before beat expires it)."""
    waiting = Q(
        state=CouponUse.State.RESERVED,
        order__status=Order.Status.PENDING,
    ) & (Q(order__expires_at__isnull=True) | Q(order__expires_at__gt=now))
    return coupon.uses.filter(Q(state=CouponUse.State.USED) | waiting)


def _check_limits(coupon, *, user, now, not_counted):
    uses = _live_uses(coupon, now)
    if not_counted:
        uses = uses.exclude(not_counted)
    if coupon.max_uses is not None and uses.count() >= coupon.max_uses:
        raise InvalidCoupon(_("This coupon has been used as many times as allowed."))
    if (
        coupon.max_uses_per_person is not None
        and user is not None
        and uses.filter(user=user).count() >= coupon.max_uses_per_person
    ):
        raise InvalidCoupon(_("You have already used this coupon as many times as allowed."))


def _reserve_coupon_use(*, order, coupon, user):
    """Hold one use of the coupon for the order, or InvalidCoupon. The coupon's row
    lock makes parallel orders count one after the other, so none goes past a limit.
    Lock order: the buyer, the order, then the coupon."""
    current = order.coupon_uses.filter(state=CouponUse.State.RESERVED).first()
    if current is not None and current.coupon_id == getattr(coupon, "pk", None):
        return
    if current is not None:
        current.state = CouponUse.State.RELEASED
        current.save(update_fields=["state", "changed_at"])
    if coupon is None:
        return
    Coupon.objects.select_for_update().filter(pk=coupon.pk).first()
    _check_limits(coupon, user=user, now=timezone.now(), not_counted=Q(order=order))
    CouponUse.objects.create(coupon=coupon, order=order, user=user)


def release_coupon_uses(*, user=None):
    """Uses reserved by orders that expired or were cancelled go back to the coupon."""
    released = CouponUse.objects.filter(
        state=CouponUse.State.RESERVED,
        order__status__in=[Order.Status.EXPIRED, Order.Status.CANCELLED],
    )
    if user is not None:
        released = released.filter(user=user)
    return released.update(state=CouponUse.State.RELEASED, changed_at=timezone.now())


def discount_for(coupon, price_xaf):
    if coupon is None:
        return 0
    if coupon.kind == Coupon.Kind.PERCENT:
        return min(price_xaf, price_xaf * coupon.value // 100)
    return min(price_xaf, coupon.value)


def quote(*, price_xaf, coupon_code, item_type, item_id, user=None):
    """(coupon, discount) for a coupon code on an item; InvalidCoupon when it cannot apply."""
    coupon = find_coupon(code=coupon_code, item_type=item_type, item_id=item_id, user=user)
    discount = discount_for(coupon, price_xaf)
    if discount >= price_xaf:
        raise InvalidCoupon(_("This coupon would make the item free; ask support to enrol you."))
    return coupon, discount


def order_lifetime():
    return timedelta(minutes=getattr(settings, "CHECKOUT_ORDER_MINUTES", 60))


@transaction.atomic
def create_order(*, user, item_type, item_id, coupon_code="", request_token=None):
    """The order exists, with its number, before any provider is called. The same
    form token (a double tap on "Pay") gives back the same order, and so does a second
    pay form for an item the person already has an open order for: one open order per
    person and item, so two forms cannot charge twice."""
    if request_token is not None:
        existing = Order.objects.filter(user=user, request_token=request_token).first()
        if existing is not None:
            return existing
    try:
        fulfiller = fulfiller_for(item_type)
    except KeyError as error:
        raise NotForSale(_("This item cannot be bought.")) from error
    offer = fulfiller.offer(item_id=item_id, user=user)
    if offer.price_xaf <= 0:
        raise NotForSale(_("This item is free: no payment is needed."))
    coupon, discount = quote(
        price_xaf=offer.price_xaf,
        coupon_code=coupon_code,
        item_type=item_type,
        item_id=item_id,
        user=user,
    )
    # Serialise the buyer's order creation: two forms submitted at once see each other.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    expire_overdue_orders(user=user)
    now = timezone.now()
    priced = {
        "description": offer.description[:255],
        "payee": offer.payee,
        "payee_percent": offer.payee_percent,
        "list_price_xaf": offer.price_xaf,
        "discount_xaf": discount,
        "amount_xaf": offer.price_xaf - discount,
        "coupon": coupon,
        "expires_at": now + order_lifetime(),
    }
    open_order = (
        Order.objects.select_for_update()
        .filter(user=user, item_type=item_type, item_id=str(item_id), status=Order.Status.PENDING)
        .order_by("-created_at")
        .first()
    )
    if open_order is None:
        order = _new_order(
            user=user, item_type=item_type, item_id=item_id, request_token=request_token, **priced
        )
        if order.coupon_id and not order.coupon_uses.exists():
            _reserve_coupon_use(order=order, coupon=coupon, user=user)
        return order
    if not _live_payments(open_order).exists():
        # Nothing is being collected: the open order takes today's price and coupon.
        for field, value in priced.items():
            setattr(open_order, field, value)
        open_order.save(update_fields=list(priced))
        _reserve_coupon_use(order=open_order, coupon=coupon, user=user)
    return open_order


def _live_payments(order, now=None):
    return order.payments.filter(
        status=Payment.Status.PENDING, expires_at__gt=now or timezone.now()
    )


def expire_overdue_orders(*, now=None, user=None):
    """Pending orders past their time, with no payment still being collected, become
    expired. Called by beat and lazily before orders are listed or made."""
    now = now or timezone.now()
    overdue = Order.objects.filter(status=Order.Status.PENDING, expires_at__lte=now)
    if user is not None:
        overdue = overdue.filter(user=user)
    collecting = Payment.objects.filter(status=Payment.Status.PENDING, expires_at__gt=now)
    expired = overdue.exclude(pk__in=collecting.values("order_id")).update(
        status=Order.Status.EXPIRED
    )
    release_coupon_uses(user=user)
    return expired


@transaction.atomic
def cancel_order(*, order, user):
    """The buyer gives up an unpaid order. A payment still arriving later is refunded."""
    order = Order.objects.select_for_update().filter(pk=order.pk, user=user).first()
    if order is None or order.status not in (Order.Status.PENDING, Order.Status.EXPIRED):
        raise NotForSale(_("Only an unpaid order can be cancelled."))
    order.status = Order.Status.CANCELLED
    order.save(update_fields=["status"])
    order.coupon_uses.filter(state=CouponUse.State.RESERVED).update(
        state=CouponUse.State.RELEASED, changed_at=timezone.now()
    )
    return order


def _new_order(*, user, item_type, item_id, request_token, **priced):
    try:
        with transaction.atomic():
            return Order.objects.create(
                user=user,
                item_type=item_type,
                item_id=str(item_id),
                request_token=request_token,
                **priced,
            )
    except IntegrityError:
        # Taps of the same form that raced past the lookup above: the first one's
        # order is committed by now (the unique index made us wait for it).
        if request_token is None:
            raise
        existing = Order.objects.filter(user=user, request_token=request_token).first()
        if existing is None:
            raise NotForSale(
                _("This form was already used. Reload the page and try again.")
            ) from None
        return existing


# --- Payments -----------------------------------------------------------------------------


def normalise_phone(phone):
    number = parse_cameroon_phone(phone or "")
    if number is None:
        raise InvalidPhone(_("Enter a Cameroonian mobile number, for example 6 77 12 34 56."))
    return f"+{number.country_code}{number.national_number}"


def start_payment(*, order, provider_name, phone=""):
    """Ask the provider to collect the order's amount. A second tap while a payment
    is pending returns that payment instead of charging twice."""
    provider = get_provider(provider_name)
    phone = normalise_phone(phone) if provider.needs_phone else ""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != Order.Status.PENDING:
            raise NotForSale(_("This order is already paid or closed."))
        pending = order.payments.filter(
            status=Payment.Status.PENDING, expires_at__gt=timezone.now()
        ).first()
        if pending is not None:
            return pending
        order.expires_at = timezone.now() + order_lifetime()
        order.save(update_fields=["expires_at"])
        payment = Payment.objects.create(
            order=order,
            provider=provider_name,
            reference=uuid.uuid4(),
            phone=phone,
            amount_xaf=order.amount_xaf,
            expires_at=timezone.now() + payment_lifetime(),
            next_poll_at=timezone.now() + timedelta(seconds=POLL_SCHEDULE[0]),
        )
    # The provider call happens outside the lock; the payment row already exists.
    try:
        started = provider.start(payment)
    except Exception as error:
        _fail_start(payment, error)
        raise
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        payment.provider_reference = started.provider_reference
        payment.redirect_url = started.redirect_url
        payment.save(update_fields=["provider_reference", "redirect_url"])
        PaymentEvent.objects.create(
            payment=payment,
            source=PaymentEvent.Source.START,
            reported_status="pending",
            payload=started.raw,
        )
    return payment


def _fail_start(payment, error):
    reason = getattr(error, "code", "") or getattr(error, "message", "") or error.__class__.__name__
    Payment.objects.filter(pk=payment.pk, status=Payment.Status.PENDING).update(
        status=Payment.Status.FAILED, failure_reason=str(reason)[:255]
    )
    PaymentEvent.objects.create(
        payment=payment,
        source=PaymentEvent.Source.START,
        reported_status="failed",
        note=str(reason)[:255],
    )


def poll_if_due(*, payment):
    """Check a pending payment when its back-off allows (the waiting page asks often)."""
    due = payment.next_poll_at is None or payment.next_poll_at <= timezone.now()
    if payment.status in (Payment.Status.PENDING, Payment.Status.EXPIRED) and due:
        return poll_payment(payment=payment)
    return payment


def poll_payment(*, payment):
    """Ask the provider for news and apply it."""
    try:
        result = get_provider(payment.provider).poll(payment)
    except Exception as error:  # the provider is down or slow: try later
        logger.warning("Status check failed for payment %s: %r", payment.pk, error)
        _schedule_next_poll(payment.pk)
        return payment
    return apply_status(payment_id=payment.pk, result=result, source=PaymentEvent.Source.POLL)


def _schedule_next_poll(payment_id):
    payment = Payment.objects.get(pk=payment_id)
    delay = POLL_SCHEDULE[min(payment.poll_count, len(POLL_SCHEDULE) - 1)]
    Payment.objects.filter(pk=payment_id).update(
        poll_count=F("poll_count") + 1, next_poll_at=timezone.now() + timedelta(seconds=delay)
    )


def apply_status(*, payment_id, result, source):
    """Apply news about a payment. Safe to call any number of times, concurrently."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        event = PaymentEvent.objects.create(
            payment=payment,
            source=source,
            reported_status=result.status or "",
            payload=result.raw if isinstance(result.raw, dict) else {},
        )
        if result.status == base.PAID:
            _apply_paid(payment, result, event)
        elif result.status in (base.FAILED, base.EXPIRED):
            if payment.status == Payment.Status.PENDING:
                payment.status = (
                    Payment.Status.FAILED
                    if result.status == base.FAILED
                    else Payment.Status.EXPIRED
                )
                payment.failure_reason = result.reason[:255]
                payment.save(update_fields=["status", "failure_reason"])
        elif payment.status == Payment.Status.PENDING:
            delay = POLL_SCHEDULE[min(payment.poll_count, len(POLL_SCHEDULE) - 1)]
            payment.poll_count += 1
            payment.next_poll_at = timezone.now() + timedelta(seconds=delay)
            payment.save(update_fields=["poll_count", "next_poll_at"])
    return payment


def _amount_matches(payment, result):
    if result.amount_xaf is not None and result.amount_xaf != payment.amount_xaf:
        return False
    return result.currency is None or result.currency.upper() == CURRENCY


def _apply_paid(payment, result, event):
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    if not _amount_matches(payment, result):
        event.note = "amount or currency mismatch"
        event.save(update_fields=["note"])
        flag_for_review(
            order,
            f"Payment {payment.reference}: provider reported {result.amount_xaf} "
            f"{result.currency}, expected {payment.amount_xaf} {CURRENCY}.",
        )
        return
    if payment.status == Payment.Status.PAID:
        return  # already applied: nothing happens twice
    late = payment.status in (Payment.Status.EXPIRED, Payment.Status.FAILED)
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.save(update_fields=["status", "paid_at"])
    duplicate_of = _paid_for_same_item(order)
    if order.status not in (Order.Status.PENDING, Order.Status.EXPIRED) or duplicate_of:
        # Paid twice (a second payment, or another order already paid for this item):
        # the sale is recorded, then given back automatically; staff see the flag.
        ledger.post_sale(order=order, payment=payment)
        already = (
            f"order {duplicate_of.number}" if duplicate_of else f"order already {order.status}"
        )
        flag_for_review(
            order,
            f"Payment {payment.reference} arrived for an item already paid ({already}): "
            "refunded automatically.",
        )
        signals.paid_twice.send(sender=Payment, payment_id=payment.pk)
        return
    late = late or order.status == Order.Status.EXPIRED
    order.status = Order.Status.PAID
    order.paid_at = payment.paid_at
    order.save(update_fields=["status", "paid_at"])
    if order.coupon_id:
        _mark_coupon_used(order)
    ledger.post_sale(order=order, payment=payment)
    fulfiller = fulfiller_for(order.item_type)
    if late and not fulfiller.is_available(order=order):
        flag_for_review(order, "Paid after expiry and the item is no longer available.")
        return
    fulfiller.on_paid(order=order)
    signals.order_fulfilled.send(sender=Order, order_id=order.pk)


def _mark_coupon_used(order):
    """The order's reserved use becomes used. A payment that came after the order
    expired takes its use back even past the limit: the discount was given."""
    use = order.coupon_uses.filter(coupon_id=order.coupon_id).order_by("-pk").first()
    if use is None:
        CouponUse.objects.create(
            coupon_id=order.coupon_id,
            order=order,
            user_id=order.user_id,
            state=CouponUse.State.USED,
        )
    elif use.state != CouponUse.State.USED:
        use.state = CouponUse.State.USED
        use.save(update_fields=["state", "changed_at"])


def _paid_for_same_item(order):
    """Another order of this buyer for this item, paid since this one was made."""
    return (
        Order.objects.filter(
            user_id=order.user_id,
            item_type=order.item_type,
            item_id=order.item_id,
            status__in=[Order.Status.PAID, Order.Status.PARTLY_REFUNDED],
            paid_at__gte=order.created_at,
        )
        .exclude(pk=order.pk)
        .first()
    )


def expire_overdue_payments(*, now=None):
    """Pending payments past their lifetime become expired (a late success still counts)."""
    now = now or timezone.now()
    return Payment.objects.filter(status=Payment.Status.PENDING, expires_at__lte=now).update(
        status=Payment.Status.EXPIRED, failure_reason="expired"
    )
