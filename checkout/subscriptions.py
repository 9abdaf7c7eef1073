"""Subscriptions sold through checkout: a monthly or annual pass, renewed by paying again."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

# Imported for Celery: the worker autodiscovers only tasks.py modules, and this module
# is loaded at start-up by CheckoutConfig.ready.
from . import renewal_tasks, subscription_tasks  # noqa: F401
from .errors import NotForSale
from .models import Payment, RenewalAttempt, RenewalConsent, Subscription
from .purchasables import Fulfiller, Offer, register
from .renewals import RENEWABLE_PROVIDERS, mark_paid

PLAN_DAYS = {Subscription.Plan.MONTHLY: 30, Subscription.Plan.ANNUAL: 365}
DEFAULT_PRICES_XAF = {Subscription.Plan.MONTHLY: 5_000, Subscription.Plan.ANNUAL: 50_000}


def plan_price_xaf(plan):
    """settings.SUBSCRIPTION_PRICES_XAF overrides the default price of a plan."""
    prices = {**DEFAULT_PRICES_XAF, **getattr(settings, "SUBSCRIPTION_PRICES_XAF", {})}
    return int(prices[plan])


def _running(user, at):
    return Subscription.objects.filter(user=user, revoked=False, ends_at__gt=at)


def has_active_subscription(user, at=None):
    """Paid-for time, or the grace days of a renewal in progress."""
    if not user.is_authenticated:
        return False
    at = at or timezone.now()
    return (
        Subscription.objects.filter(user=user, revoked=False, starts_at__lte=at)
        .filter(Q(ends_at__gt=at) | Q(grace_until__gt=at))
        .exists()
    )


def subscribed_until(user, at=None):
    """When the user's paid-for time runs out, renewals included; None when not subscribed."""
    if not user.is_authenticated:
        return None
    return _running(user, at or timezone.now()).aggregate(end=Max("ends_at"))["end"]


def _title(plan):
    return _("Subscription: %(plan)s") % {"plan": plan.label}


def _renewal_fields(provider, phone, consent_at=None):
    return {
        "renews_automatically": True,
        "renewal_provider": provider,
        "renewal_phone": phone,
        "renewal_consent_at": consent_at or timezone.now(),
    }


@register
class SubscriptionFulfiller(Fulfiller):
    item_type = "subscription"

    def offer(self, *, item_id, user):
        if item_id not in PLAN_DAYS:
            raise NotForSale(_("This subscription plan does not exist."))
        plan = Subscription.Plan(item_id)
        # payee None: the academy keeps the whole amount.
        return Offer(description=_title(plan), price_xaf=plan_price_xaf(plan), payee=None)

    def titles(self, *, orders):
        """Named in the active language, never in the one of the day it was bought."""
        return {
            order.pk: _title(Subscription.Plan(order.item_id))
            if order.item_id in PLAN_DAYS
            else order.description
            for order in orders
        }

    def on_paid(self, *, order):
        # Serialise a user's renewals so two payments never start at the same moment.
        get_user_model().objects.select_for_update().filter(pk=order.user_id).first()
        if Subscription.objects.filter(order=order).exists():
            return
        paid_at = order.paid_at or timezone.now()
        starts_at = max(paid_at, subscribed_until(order.user, at=paid_at) or paid_at)
        attempt = RenewalAttempt.objects.filter(order=order).select_related("subscription").first()
        renewed = attempt.subscription if attempt is not None else None
        renewal = {}
        if renewed is not None and not renewed.revoked and renewed.lapsed_at is None:
            # Paid in the grace days: the new period still starts at the old end, so the
            # days kept open were paid for and none is given twice.
            starts_at = subscribed_until(order.user, at=renewed.ends_at) or renewed.ends_at
            if renewed.renews_automatically:
                renewal = _renewal_fields(
                    renewed.renewal_provider, renewed.renewal_phone, renewed.renewal_consent_at
                )
            Subscription.objects.filter(pk=renewed.pk).update(grace_until=None)
        elif RenewalConsent.objects.filter(order=order).exists():
            paid = order.payments.filter(status=Payment.Status.PAID).order_by("paid_at").first()
            if paid is not None and paid.provider in RENEWABLE_PROVIDERS and paid.phone:
                renewal = _renewal_fields(paid.provider, paid.phone)
        Subscription.objects.create(
            user=order.user,
            plan=order.item_id,
            order=order,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(days=PLAN_DAYS[order.item_id]),
            **renewal,
        )
        mark_paid(order=order)

    def on_refunded(self, *, order, amount_xaf):
        if order.refunded_xaf < order.amount_xaf:
            return  # a partial refund keeps the subscription
        subscription = (
            Subscription.objects.select_for_update().filter(order=order, revoked=False).first()
        )
        if subscription is None:
            return
        subscription.revoked = True
        subscription.save(update_fields=["revoked"])
        # Renewals queued after the revoked one move forward: no paid-for time is lost.
        unused = subscription.ends_at - max(subscription.starts_at, timezone.now())
        if unused > timedelta(0):
            Subscription.objects.filter(
                user=order.user, revoked=False, starts_at__gte=subscription.ends_at
            ).update(starts_at=F("starts_at") - unused, ends_at=F("ends_at") - unused)

    def success_url(self, *, order):
        return reverse("subscriptions:subscription")
