"""Subscriptions that renew by Mobile Money. With the student's consent (ticked at
purchase), a payment request goes to their number three days before the end, and once
more the next day when it is declined or not answered. Access is kept three days past
the end while a renewal is in progress; then the subscription lapses. The payment is
an ordinary order of the plan, so its news goes through the exactly-once paid path and
SubscriptionFulfiller.on_paid extends the subscription from its end."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from . import services
from .errors import CheckoutError, NotForSale, ProviderUnavailable
from .models import Payment, RenewalAttempt, RenewalConsent, Subscription
from .money import format_xaf
from .notification_kinds import RENEWAL_FAILED, RENEWAL_REQUESTED, SUBSCRIPTION_LAPSED

logger = logging.getLogger(__name__)

RENEW_BEFORE = timedelta(days=3)
GRACE = timedelta(days=3)
ATTEMPTS = 2
# The phone prompts the person: only Mobile Money (and the sandbox that plays it).
RENEWABLE_PROVIDERS = (
    Payment.Provider.MTN_MOMO,
    Payment.Provider.ORANGE_MONEY,
    Payment.Provider.SANDBOX,
)


# --- Consent ------------------------------------------------------------------------------


def record_consent(*, order, given):
    """The pay form's "renew automatically from this number", kept until the order is
    paid. Submitting the form again with the box cleared withdraws it."""
    if given:
        RenewalConsent.objects.get_or_create(order=order)
    else:
        RenewalConsent.objects.filter(order=order).delete()


@transaction.atomic
def turn_off_renewal(*, user, subscription_id):
    """One tap: nothing more is requested from the person's number, for any of their
    subscriptions (the consent was theirs, not the period's)."""
    subscription = (
        Subscription.objects.select_for_update().filter(pk=subscription_id, user=user).first()
    )
    if subscription is None:
        raise NotForSale(_("This subscription does not exist."))
    Subscription.objects.filter(user=user, renews_automatically=True).update(
        renews_automatically=False, grace_until=None
    )
    return subscription


# --- Who is due ---------------------------------------------------------------------------


def _renewed():
    """A later subscription of the same person: renewed already (by hand or by phone)."""
    return Exists(
        Subscription.objects.filter(
            user=OuterRef("user"), revoked=False, ends_at__gt=OuterRef("ends_at")
        )
    )


def due_for_renewal(*, now=None):
    """Consent on, ending within RENEW_BEFORE (or in its grace days), not renewed, not
    asked today, no request waiting or paid, and fewer than ATTEMPTS made."""
    now = now or timezone.now()
    blocking = RenewalAttempt.objects.filter(subscription=OuterRef("pk")).filter(
        Q(day=timezone.localdate(now))
        | Q(number__gte=ATTEMPTS)
        | Q(outcome=RenewalAttempt.Outcome.PAID)
        | Q(payment__status__in=[Payment.Status.PENDING, Payment.Status.PAID])
    )
    return (
        Subscription.objects.filter(
            renews_automatically=True,
            revoked=False,
            lapsed_at__isnull=True,
            ends_at__gt=now - GRACE,
            ends_at__lte=now + RENEW_BEFORE,
        )
        .exclude(_renewed())
        .exclude(Exists(blocking))
    )


# --- Requesting a renewal -----------------------------------------------------------------


def request_renewal(*, subscription_id, now=None):
    """Make the renewal order and send the payment request to the saved number. Returns
    the attempt, or None when nothing is due (consent off, revoked, renewed, already
    asked today: the unique (subscription, day) makes a second run send nothing)."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .select_related("user")
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None or not due_for_renewal(now=now).filter(pk=subscription_id).exists():
            return None
        try:
            with transaction.atomic():
                attempt = RenewalAttempt.objects.create(
                    subscription=subscription,
                    number=subscription.renewal_attempts.count() + 1,
                    day=timezone.localdate(now),
                )
        except IntegrityError:
            return None
        attempt.order = services.create_order(
            user=subscription.user, item_type="subscription", item_id=subscription.plan
        )
        attempt.save(update_fields=["order"])
        if subscription.grace_until is None:
            subscription.grace_until = subscription.ends_at + GRACE
            subscription.save(update_fields=["grace_until"])
    # The provider is called outside the lock, as on the pay form; the attempt exists.
    try:
        payment = services.start_payment(
            order=attempt.order,
            provider_name=subscription.renewal_provider,
            phone=subscription.renewal_phone,
        )
    except (CheckoutError, ProviderUnavailable, KeyError) as error:
        logger.info("Renewal request %s not sent: %r", attempt.pk, error)
        with transaction.atomic():
            RenewalAttempt.objects.filter(pk=attempt.pk).update(
                payment=attempt.order.payments.order_by("-created_at").first(),
                outcome=RenewalAttempt.Outcome.NOT_SENT,
                settled_at=timezone.now(),
            )
            attempt.refresh_from_db()
            _tell_failed(attempt)
        return attempt
    with transaction.atomic():
        RenewalAttempt.objects.filter(pk=attempt.pk).update(payment=payment)
        attempt.refresh_from_db()
        _tell_requested(attempt)
    return attempt


def settle_attempts(*, now=None):
    """Requests the phone declined or left unanswered (or that a dead worker never
    sent) are recorded as such, and the person told. Returns how many."""
    now = now or timezone.now()
    waiting = RenewalAttempt.objects.filter(outcome=RenewalAttempt.Outcome.REQUESTED)
    ended = [
        (RenewalAttempt.Outcome.DECLINED, Q(payment__status=Payment.Status.FAILED)),
        (RenewalAttempt.Outcome.UNANSWERED, Q(payment__status=Payment.Status.EXPIRED)),
        (
            RenewalAttempt.Outcome.NOT_SENT,
            Q(payment__isnull=True, day__lt=timezone.localdate(now)),
        ),
    ]
    settled = 0
    for outcome, condition in ended:
        for attempt_id in list(waiting.filter(condition).values_list("pk", flat=True)):
            with transaction.atomic():
                # Claimed: a second run, or a run racing this one, tells nobody twice.
                claimed = RenewalAttempt.objects.filter(
                    pk=attempt_id, outcome=RenewalAttempt.Outcome.REQUESTED
                ).update(outcome=outcome, settled_at=now)
                if claimed:
                    _tell_failed(RenewalAttempt.objects.get(pk=attempt_id))
                    settled += 1
    return settled


def mark_paid(*, order):
    """Called by SubscriptionFulfiller.on_paid: the attempt that brought this order."""
    RenewalAttempt.objects.filter(order=order).update(
        outcome=RenewalAttempt.Outcome.PAID, settled_at=timezone.now()
    )


def lapse_overdue(*, now=None):
    """Grace over and not renewed: the subscription lapses, and the person is told once."""
    now = now or timezone.now()
    overdue = list(
        Subscription.objects.filter(revoked=False, lapsed_at__isnull=True, grace_until__lte=now)
        .exclude(_renewed())
        .values_list("pk", flat=True)
    )
    for subscription_id in overdue:
        with transaction.atomic():
            claimed = Subscription.objects.filter(
                pk=subscription_id, lapsed_at__isnull=True
            ).update(lapsed_at=now, grace_until=None)
            if claimed:
                subscription = Subscription.objects.select_related("user").get(pk=subscription_id)
                notify(
                    subscription.user, SUBSCRIPTION_LAPSED, message=partial(_lapsed, subscription)
                )
    return len(overdue)


# --- What the person is told --------------------------------------------------------------


def _values(subscription, attempt=None):
    end = date_format(timezone.localtime(subscription.ends_at), "DATE_FORMAT")
    values = {
        "name": subscription.user,
        "date": end,
        "plan": subscription.get_plan_display(),
        "phone": subscription.renewal_phone,
        "link": settings.WAGTAILADMIN_BASE_URL + reverse("subscriptions:subscription"),
    }
    if subscription.grace_until:
        values["grace"] = date_format(timezone.localtime(subscription.grace_until), "DATE_FORMAT")
    if attempt is not None and attempt.order is not None:
        values["amount"] = format_xaf(attempt.order.amount_xaf)
    return values


def _tell_requested(attempt):
    subscription = attempt.subscription

    def message():
        values = _values(subscription, attempt)
        return Message(
            subject=_("Approve the renewal of your subscription on your phone"),
            text=_(
                "Hello %(name)s,\n\nYour subscription (%(plan)s) ends on %(date)s. As you "
                "asked, we sent a payment request of %(amount)s to %(phone)s. Approve it "
                "with your PIN on your phone: the new period starts when the current one "
                "ends.\n\nTo stop automatic renewal, open %(link)s\n"
            )
            % values,
            sms=_(
                "Beauty Skills Academy: approve the payment of %(amount)s on your phone to "
                "renew your subscription (ends %(date)s)."
            )
            % values,
            url=reverse("subscriptions:subscription"),
        )

    notify(subscription.user, RENEWAL_REQUESTED, message=message)


def _tell_failed(attempt):
    subscription = attempt.subscription
    retry = attempt.number < ATTEMPTS and subscription.renews_automatically

    def message():
        values = _values(subscription, attempt)
        if retry:
            text = _(
                "Hello %(name)s,\n\nThe payment request to renew your subscription was not "
                "paid. We will send it once more tomorrow to %(phone)s.\n\n%(link)s\n"
            )
            sms = _(
                "Beauty Skills Academy: your subscription renewal was not paid. We will "
                "ask once more tomorrow."
            )
        else:
            text = _(
                "Hello %(name)s,\n\nThe payment request to renew your subscription was not "
                "paid. Your courses stay open until %(grace)s: renew by hand before then "
                "to keep them.\n\n%(link)s\n"
            )
            sms = _(
                "Beauty Skills Academy: your subscription renewal was not paid. Renew by "
                "%(grace)s to keep your courses: %(link)s"
            )
        values.setdefault("grace", values["date"])
        return Message(
            subject=_("Your subscription renewal was not paid"),
            text=text % values,
            sms=sms % values,
            url=reverse("subscriptions:subscription"),
        )

    notify(subscription.user, RENEWAL_FAILED, message=message)


def _lapsed(subscription):
    values = _values(subscription)
    return Message(
        subject=_("Your subscription has ended"),
        text=_(
            "Hello %(name)s,\n\nYour subscription ended on %(date)s and was not renewed: "
            "the courses it opened are closed. Subscribe again at any time:\n%(link)s\n"
        )
        % values,
        sms=_("Beauty Skills Academy: your subscription has ended. Subscribe again: %(link)s")
        % values,
        url=reverse("subscriptions:subscription"),
    )


# --- What the person sees -----------------------------------------------------------------


def renewal_of(*, user, now=None):
    """The subscription the page talks about (the latest still open, grace included)
    and the person's renewal attempts, newest first. Constant queries."""
    if not user.is_authenticated:
        return None
    now = now or timezone.now()
    current = (
        Subscription.objects.filter(user=user, revoked=False)
        .filter(Q(ends_at__gt=now) | Q(grace_until__gt=now))
        .order_by("-ends_at")
        .first()
    )
    attempts = list(
        RenewalAttempt.objects.filter(subscription__user=user)
        .select_related("order", "payment")
        .order_by("-created_at")[:20]
    )
    if current is None and not attempts:
        return None
    return {
        "subscription": current,
        "in_grace": current is not None and current.ends_at <= now,
        "attempts": attempts,
    }
