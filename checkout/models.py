"""Orders, payments, refunds, coupons, subscriptions and the double-entry ledger.

Checkout knows nothing about courses or bookings: an Order names a purchasable item
by (item_type, item_id) and the registered fulfiller of that type does the rest."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .money import DEFAULT_PAYEE_PERCENT

ORDER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_order_number():
    """Human-typable and not guessable: BSA-YYMMDD-XXXXXX."""
    suffix = "".join(secrets.choice(ORDER_ALPHABET) for _ in range(6))
    return f"BSA-{timezone.localdate():%y%m%d}-{suffix}"


class CouponQuerySet(models.QuerySet):
    def with_use_counts(self):
        """Each coupon with `reserved_count` (orders waiting for payment) and
        `used_count` (paid orders)."""
        return self.annotate(
            reserved_count=models.Count(
                "uses", filter=models.Q(uses__state=CouponUse.State.RESERVED)
            ),
            used_count=models.Count("uses", filter=models.Q(uses__state=CouponUse.State.USED)),
        )


class Coupon(models.Model):
    class Kind(models.TextChoices):
        PERCENT = "percent", _("Percentage")
        FIXED = "fixed", _("Fixed amount (FCFA)")

    class Scope(models.TextChoices):
        # The kinds name the item types the academy sells (courses, subscriptions,
        # booking deposits, live sessions): a support person thinks in those words.
        ALL = "all", _("Everything")
        COURSES = "course", _("Courses")
        SUBSCRIPTIONS = "subscription", _("Subscriptions")
        DEPOSITS = "booking", _("Booking deposits")
        LIVE_SESSIONS = "live_session", _("Live sessions")
        ONE_ITEM = "item", _("One item")

    ITEM_TYPES = [
        (Scope.COURSES.value, _("Course")),
        (Scope.SUBSCRIPTIONS.value, _("Subscription")),
        (Scope.DEPOSITS.value, _("Booking deposit")),
        (Scope.LIVE_SESSIONS.value, _("Live session")),
    ]

    code = models.CharField(_("code"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.PERCENT)
    value = models.PositiveIntegerField(_("value"))
    # Counts the uses reserved by orders waiting for payment and the paid ones.
    max_uses = models.PositiveIntegerField(_("maximum uses"), null=True, blank=True)
    max_uses_per_person = models.PositiveIntegerField(
        _("maximum uses per person"), null=True, blank=True
    )
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    scope = models.CharField(_("valid for"), max_length=12, choices=Scope, default=Scope.ALL)
    # Only for the "one item" scope: which item.
    item_type = models.CharField(_("item type"), max_length=30, choices=ITEM_TYPES, blank=True)
    item_id = models.CharField(_("item"), max_length=64, blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = CouponQuerySet.as_manager()

    class Meta:
        verbose_name = _("coupon")
        verbose_name_plural = _("coupons")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="percent") | models.Q(value__lte=100),
                name="coupon_percent_at_most_100",
            ),
            # One item names its type and id; every other scope names none.
            models.CheckConstraint(
                condition=(models.Q(scope="item") & ~models.Q(item_type="") & ~models.Q(item_id=""))
                | (~models.Q(scope="item") & models.Q(item_type="", item_id="")),
                name="coupon_item_only_for_one_item_scope",
            ),
        ]

    def __str__(self):
        return self.code

    def clean(self):
        self.code = self.code.strip().upper()
        self.item_id = self.item_id.strip()
        if self.kind == self.Kind.PERCENT and not 1 <= self.value <= 100:
            raise ValidationError({"value": _("A percentage is between 1 and 100.")})
        if self.scope == self.Scope.ONE_ITEM:
            errors = {}
            if not self.item_type:
                errors["item_type"] = _("Choose the kind of item.")
            if not self.item_id:
                errors["item_id"] = _("Give the item's ID.")
            if errors:
                raise ValidationError(errors)
        else:
            self.item_type, self.item_id = "", ""

    def applies_to(self, *, item_type, item_id):
        if self.scope == self.Scope.ALL:
            return True
        if self.scope == self.Scope.ONE_ITEM:
            return self.item_type == item_type and self.item_id == str(item_id)
        return self.scope == item_type


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")
        REFUNDED = "refunded", _("Refunded")
        PARTLY_REFUNDED = "partly_refunded", _("Partly refunded")

    number = models.CharField(_("number"), max_length=20, unique=True, default=new_order_number)
    # The pay form's one-time token: a double tap on "Pay" finds the same order.
    request_token = models.UUIDField(_("form token"), unique=True, null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buyer"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    item_type = models.CharField(_("item type"), max_length=30)
    item_id = models.CharField(_("item"), max_length=64)
    description = models.CharField(_("description"), max_length=255)
    payee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paid to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The instructor or professional who earns the payee share."),
    )
    # Fixed from the fulfiller's offer when the order is made: the ledger splits every
    # sale and refund of this order with it, whatever the offer says later.
    payee_percent = models.PositiveSmallIntegerField(
        _("payee share (percent)"),
        default=DEFAULT_PAYEE_PERCENT,
        validators=[MaxValueValidator(100)],
    )
    list_price_xaf = models.PositiveIntegerField(_("list price (FCFA)"))
    discount_xaf = models.PositiveIntegerField(_("discount (FCFA)"), default=0)
    amount_xaf = models.PositiveIntegerField(_("amount to pay (FCFA)"))
    refunded_xaf = models.PositiveIntegerField(_("refunded (FCFA)"), default=0)
    coupon = models.ForeignKey(
        Coupon,
        verbose_name=_("coupon"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    needs_review = models.BooleanField(_("needs review"), default=False)
    review_reason = models.TextField(_("why it needs review"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # A pending order left unpaid this long becomes expired (older orders have none).
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    receipt_sent_at = models.DateTimeField(_("receipt sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["item_type", "item_id", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    amount_xaf=models.F("list_price_xaf") - models.F("discount_xaf")
                ),
                name="order_amount_is_price_minus_discount",
            ),
            models.CheckConstraint(
                condition=models.Q(refunded_xaf__lte=models.F("amount_xaf")),
                name="order_refund_at_most_amount",
            ),
            models.CheckConstraint(
                condition=models.Q(payee_percent__lte=100),
                name="order_payee_percent_at_most_100",
            ),
        ]

    def __str__(self):
        return self.number


class CouponUse(models.Model):
    """One order's use of a coupon: reserved when the order is made, so that parallel
    orders cannot go past the coupon's limits; used once the order is paid; released
    when it expires or is cancelled. A coupon's limits count reserved and used ones."""

    class State(models.TextChoices):
        RESERVED = "reserved", _("Reserved (waiting for payment)")
        USED = "used", _("Used (paid)")
        RELEASED = "released", _("Released (expired or cancelled)")

    coupon = models.ForeignKey(
        Coupon, verbose_name=_("coupon"), on_delete=models.PROTECT, related_name="uses"
    )
    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="coupon_uses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(_("state"), max_length=8, choices=State, default=State.RESERVED)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("coupon use")
        verbose_name_plural = _("coupon uses")
        indexes = [models.Index(fields=["coupon", "state", "user"])]
        constraints = [
            # An order holds at most one coupon at a time.
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(state__in=["reserved", "used"]),
                name="one_live_coupon_use_per_order",
            )
        ]

    def __str__(self):
        return f"{self.coupon} · {self.order} · {self.state}"


class Payment(models.Model):
    class Provider(models.TextChoices):
        SANDBOX = "sandbox", _("Test phone (sandbox)")
        MTN_MOMO = "mtn_momo", "MTN Mobile Money"
        ORANGE_MONEY = "orange_money", "Orange Money"
        STRIPE = "stripe", _("Bank card")
        CAMPAY = "campay", _("Mobile Money (MTN or Orange) via Campay")
        MANUAL = "manual", _("Pay by code (USSD)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="payments"
    )
    provider = models.CharField(_("provider"), max_length=16, choices=Provider)
    # Our own reference, sent to the provider before any call (idempotency key).
    reference = models.UUIDField(_("our reference"), unique=True)
    provider_reference = models.CharField(
        _("provider reference"), max_length=128, null=True, blank=True
    )
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    amount_xaf = models.PositiveIntegerField(_("amount (FCFA)"))
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.PENDING)
    failure_reason = models.CharField(_("reason"), max_length=255, blank=True)
    redirect_url = models.URLField(_("provider page"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    next_poll_at = models.DateTimeField(_("next status check"), null=True, blank=True)
    poll_count = models.PositiveIntegerField(_("status checks"), default=0)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_poll_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_reference"], name="unique_provider_reference"
            )
        ]

    def __str__(self):
        return f"{self.order.number} · {self.get_provider_display()}"


class PaymentEvent(models.Model):
    """Every piece of news about a payment, as received (webhooks, polls, starts)."""

    class Source(models.TextChoices):
        START = "start", _("Start")
        POLL = "poll", _("Status check")
        WEBHOOK = "webhook", _("Notification")
        STAFF = "staff", _("Confirmed by staff")
        STATEMENT = "import", _("Operator statement")

    payment = models.ForeignKey(
        Payment, verbose_name=_("payment"), on_delete=models.CASCADE, related_name="events"
    )
    source = models.CharField(_("source"), max_length=8, choices=Source)
    reported_status = models.CharField(_("reported status"), max_length=16, blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        ordering = ["received_at"]

    def __str__(self):
        return f"{self.source}: {self.reported_status}"


class Refund(models.Model):
    """Money given back on a paid payment. Its reference is ours, made before any call and
    sent on every try, so a retry can never pay twice. Each refund ends done (by the
    provider or by hand) or waits for staff; a pending one is polled until it does."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        PENDING = "pending", _("Waiting for the provider")
        WAITING_FOR_STAFF = "staff", _("Waiting for staff")
        DONE = "done", _("Refunded")
        DONE_BY_HAND = "by_hand", _("Refunded by hand")
        FAILED = "failed", _("Failed")

    # Not settled yet: the amount is taken from what is left to refund.
    OPEN = (Status.REQUESTED, Status.PENDING, Status.WAITING_FOR_STAFF)
    SETTLED = (Status.DONE, Status.DONE_BY_HAND)

    payment = models.ForeignKey(
        Payment, verbose_name=_("payment"), on_delete=models.PROTECT, related_name="refunds"
    )
    # The payment's provider, copied so that a hand reference is unique per provider.
    provider = models.CharField(_("provider"), max_length=16, choices=Payment.Provider)
    reference = models.UUIDField(_("our reference"), unique=True, default=uuid.uuid4)
    amount_xaf = models.PositiveIntegerField(_("amount (FCFA)"))
    reason = models.CharField(_("reason"), max_length=255)
    # Gives back a payment for something already paid: the item stays with the person.
    duplicate = models.BooleanField(_("duplicate payment"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.REQUESTED)
    provider_reference = models.CharField(_("provider reference"), max_length=128, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_poll_at = models.DateTimeField(_("next status check"), null=True, blank=True)
    poll_count = models.PositiveIntegerField(_("status checks"), default=0)
    staff_reason = models.CharField(_("why it waits for staff"), max_length=255, blank=True)
    waiting_since = models.DateTimeField(_("waiting for staff since"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("refunded by hand by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    hand_reference = models.CharField(_("transfer reference"), max_length=64, blank=True)
    hand_note = models.CharField(_("note"), max_length=255, blank=True)
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        indexes = [models.Index(fields=["status", "next_poll_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_xaf__gt=0), name="refund_positive"),
            # One transfer cannot be recorded as two refunds.
            models.UniqueConstraint(
                fields=["provider", "hand_reference"],
                condition=~models.Q(hand_reference=""),
                name="unique_hand_reference_per_provider",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="by_hand")
                | (~models.Q(hand_reference="") & models.Q(done_by__isnull=False)),
                name="refund_by_hand_has_reference_and_moderator",
            ),
        ]

    def __str__(self):
        return f"{self.payment} −{self.amount_xaf}"


CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_manual_code():
    """Six characters a person can read out and type on a phone, never 0/O or 1/I."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class ManualPayment(models.Model):
    """A payment by code: the student sends the amount by USSD to the academy's merchant
    number, then types the operator's transaction id; staff (or an operator statement)
    confirm it. Its Payment (provider "manual") is paid through the same exactly-once
    path as any provider's."""

    class State(models.TextChoices):
        ISSUED = "issued", _("Waiting for the transfer")
        CLAIMED = "claimed", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    payment = models.OneToOneField(
        Payment, verbose_name=_("payment"), on_delete=models.PROTECT, related_name="manual"
    )
    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="manual_payments"
    )
    code = models.CharField(_("code"), max_length=8, unique=True, default=new_manual_code)
    expires_at = models.DateTimeField(_("expires"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.ISSUED)
    # The operator's id for the transfer, as typed (upper case, no spaces): one claim each.
    transaction_id = models.CharField(
        _("operator transaction id"), max_length=40, null=True, blank=True, unique=True
    )
    payer_phone = models.CharField(_("paid from"), max_length=16, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reject_reason = models.CharField(_("why it was rejected"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment by code")
        verbose_name_plural = _("payments by code")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "claimed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="issued") | models.Q(transaction_id__isnull=False),
                name="manual_payment_claim_has_transaction_id",
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.order.number}"


class LedgerTransaction(models.Model):
    """One money movement; its lines always sum to zero. Never updated or deleted:
    a refund is a new, reversing transaction."""

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        REFUND = "refund", _("Refund")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="ledger"
    )
    payment = models.ForeignKey(
        Payment, verbose_name=_("payment"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    refund = models.OneToOneField(
        Refund,
        verbose_name=_("refund"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger_transaction",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger transaction")
        verbose_name_plural = _("ledger transactions")
        constraints = [
            # One sale per paid payment, whatever the number of notifications.
            models.UniqueConstraint(
                fields=["payment"], condition=models.Q(kind="sale"), name="one_sale_per_payment"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.order.number}"


class LedgerLine(models.Model):
    class Account(models.TextChoices):
        PROVIDER_CLEARING = "provider_clearing", _("Money held by the payment provider")
        PAYEE_PAYABLE = "payee_payable", _("Owed to the instructor or professional")
        PLATFORM_REVENUE = "platform_revenue", _("Academy revenue")

    transaction = models.ForeignKey(
        LedgerTransaction,
        verbose_name=_("transaction"),
        on_delete=models.PROTECT,
        related_name="lines",
    )
    account = models.CharField(_("account"), max_length=20, choices=Account)
    payee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("payee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Debits positive, credits negative: a transaction's lines sum to 0.
    amount_xaf = models.IntegerField(_("amount (FCFA)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger line")
        verbose_name_plural = _("ledger lines")
        indexes = [models.Index(fields=["account", "payee", "created_at"])]

    def __str__(self):
        return f"{self.account} {self.amount_xaf:+d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Ledger lines are immutable: post a reversing transaction.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Ledger lines are immutable: post a reversing transaction.")


class Subscription(models.Model):
    class Plan(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        ANNUAL = "annual", _("Annual")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    plan = models.CharField(_("plan"), max_length=8, choices=Plan)
    order = models.OneToOneField(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="subscription"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    reminded_at = models.DateTimeField(_("renewal reminder sent"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    # The student's consent, given at purchase: a payment request goes to this number
    # before the end (checkout.renewals). Turning it off stops every later request.
    renews_automatically = models.BooleanField(_("renews automatically"), default=False)
    renewal_provider = models.CharField(
        _("renewal provider"), max_length=16, choices=Payment.Provider, blank=True
    )
    renewal_phone = models.CharField(_("renewal number"), max_length=16, blank=True)
    renewal_consent_at = models.DateTimeField(_("renewal consent given"), null=True, blank=True)
    # Set when a renewal is requested: access is kept until then while it is in progress.
    grace_until = models.DateTimeField(_("access kept until"), null=True, blank=True)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-ends_at"]
        indexes = [models.Index(fields=["renews_automatically", "ends_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(renews_automatically=False)
                | (~models.Q(renewal_provider="") & ~models.Q(renewal_phone="")),
                name="subscription_renewal_has_number",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_plan_display()}"


class RenewalConsent(models.Model):
    """Ticked on the pay form of a subscription: "renew automatically from this number".
    Kept with the order until it is paid, then copied onto the subscription with the
    number and provider of the payment that paid it."""

    order = models.OneToOneField(
        Order, verbose_name=_("order"), on_delete=models.CASCADE, related_name="renewal_consent"
    )
    given_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("renewal consent")
        verbose_name_plural = _("renewal consents")

    def __str__(self):
        return str(self.order)


class RenewalAttempt(models.Model):
    """One payment request sent to a subscriber's number to renew their subscription.
    At most one a day and two in all per subscription (the database says so)."""

    class Outcome(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval on the phone")
        PAID = "paid", _("Paid")
        DECLINED = "declined", _("Declined")
        UNANSWERED = "unanswered", _("Not answered")
        NOT_SENT = "not_sent", _("Could not be sent")

    FAILED = (Outcome.DECLINED, Outcome.UNANSWERED, Outcome.NOT_SENT)

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="renewal_attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    # The local (Douala) day it was sent: a second run the same day finds it.
    day = models.DateField(_("day"))
    order = models.ForeignKey(
        Order,
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal_attempts",
    )
    payment = models.ForeignKey(
        Payment,
        verbose_name=_("payment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewal_attempts",
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome, default=Outcome.REQUESTED
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)

    class Meta:
        verbose_name = _("renewal attempt")
        verbose_name_plural = _("renewal attempts")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "day"], name="one_renewal_attempt_a_day"
            ),
            models.UniqueConstraint(
                fields=["subscription", "number"], name="unique_renewal_attempt_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=2),
                name="renewal_attempt_first_or_retry",
            ),
        ]

    def __str__(self):
        return f"{self.subscription} · {self.day}"

    def shown_outcome(self):
        """The outcome as the payment stands now: the daily run records it later."""
        if self.outcome == self.Outcome.REQUESTED and self.payment is not None:
            outcome = {
                Payment.Status.PAID: self.Outcome.PAID,
                Payment.Status.FAILED: self.Outcome.DECLINED,
                Payment.Status.EXPIRED: self.Outcome.UNANSWERED,
            }.get(self.payment.status, self.outcome)
            return self.Outcome(outcome).label
        return self.get_outcome_display()


class SandboxCharge(models.Model):
    """The sandbox provider's own record: what the test "phone" was asked to approve."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the phone")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    reference = models.UUIDField(_("reference"), unique=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    amount_xaf = models.PositiveIntegerField(_("amount (FCFA)"))
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.WAITING)
    # For scripted test numbers: when the phone "answers" by itself, and how.
    decide_at = models.DateTimeField(_("answers at"), null=True, blank=True)
    scripted_status = models.CharField(_("scripted answer"), max_length=8, blank=True)
    refunded_xaf = models.PositiveIntegerField(_("refunded (FCFA)"), default=0)
    # Our refund references already paid back: a retry under one of them pays nothing.
    refund_references = models.JSONField(_("refund references"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("sandbox charge")
        verbose_name_plural = _("sandbox charges")

    def __str__(self):
        return f"{self.phone} {self.amount_xaf} {self.status}"
