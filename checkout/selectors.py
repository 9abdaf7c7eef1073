"""Checkout reads: orders as the buyer sees them, payments by code as staff see them."""

from collections import defaultdict

from django.db.models import Prefetch

from .models import ManualPayment, Order, Payment, Refund, Subscription
from .purchasables import fulfiller_for


def order_titles(orders):
    """{order.pk: title} in the active language, asking each item type's fulfiller once."""
    by_type = defaultdict(list)
    for order in orders:
        by_type[order.item_type].append(order)
    titles = {}
    for item_type, group in by_type.items():
        try:
            fulfiller = fulfiller_for(item_type)
        except KeyError:
            titles.update({order.pk: order.description for order in group})
            continue
        titles.update(fulfiller.titles(orders=group))
    return titles


def order_title(order):
    return order_titles([order])[order.pk]


def orders_of(*, user, number=None):
    """The buyer's orders (or the one with this number), newest first, each with its
    payments (newest first) and title. Nobody else's order is ever among them."""
    orders = Order.objects.filter(user=user)
    if number is not None:
        orders = orders.filter(number=number)
    orders = list(orders.prefetch_related("payments").order_by("-created_at"))
    titles = order_titles(orders)
    for order in orders:
        order.title = titles[order.pk]
        payments = sorted(order.payments.all(), key=lambda p: p.created_at, reverse=True)
        order.last_payment = payments[0] if payments else None
        order.collecting = bool(
            order.last_payment and order.last_payment.status == Payment.Status.PENDING
        )
    return orders


def payment_of(*, user, reference):
    """The buyer's own payment with this reference (with its order), or None: anybody
    else's payment is not found, so references cannot be probed."""
    if not user.is_authenticated:
        return None
    return (
        Payment.objects.select_related("order")
        .filter(reference=reference, order__user=user)
        .first()
    )


def claims_waiting():
    """Claims a moderator must look at, oldest first."""
    return (
        ManualPayment.objects.filter(state=ManualPayment.State.CLAIMED)
        .select_related("order__user", "payment")
        .order_by("claimed_at")
    )


def orders_for_support(*, user):
    """A person's orders for the support panel, newest first, each with `.title` and
    its payments (with their refunds) newest first. A fixed number of queries."""
    orders = list(
        Order.objects.filter(user=user)
        .prefetch_related(
            Prefetch("payments", queryset=Payment.objects.order_by("-created_at", "-pk")),
            Prefetch("payments__refunds", queryset=Refund.objects.order_by("-created_at", "-pk")),
        )
        .order_by("-created_at", "-pk")
    )
    titles = order_titles(orders)
    for order in orders:
        order.title = titles[order.pk]
    return orders


def subscriptions_of(*, user):
    """A person's subscriptions, the latest ending first."""
    return list(Subscription.objects.filter(user=user).order_by("-ends_at", "-pk"))


def payments_stuck(*, now, older_than):
    """Payments still waiting for the provider's answer after `older_than` (payments by
    code wait for the person and a moderator: counted apart)."""
    return Payment.objects.filter(
        status=Payment.Status.PENDING, created_at__lte=now - older_than
    ).exclude(provider=Payment.Provider.MANUAL)
