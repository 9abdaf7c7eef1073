"""What checkout tells about staff work: a refund waits in the refund queue, the nightly
ledger check found a mismatch, a payment by code waits for confirmation (to moderators),
a payment by code was not confirmed (to the student)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.models import MODERATORS_GROUP
from notifications.services import Message, notify

from .models import ManualPayment, Payment, Refund
from .money import format_xaf
from .notification_kinds import (
    CLAIM_WAITING,
    LEDGER_MISMATCH,
    PAYMENT_NOT_CONFIRMED,
    REFUND_WAITING,
)


def moderators():
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=MODERATORS_GROUP), is_active=True)
        .distinct()
    )


def tell_moderators_refund_waits(refund_id):
    """Once per refund handed to staff; nothing when it was settled meanwhile."""
    refund = (
        Refund.objects.select_related("payment__order__user")
        .filter(pk=refund_id, status=Refund.Status.WAITING_FOR_STAFF)
        .first()
    )
    if refund is None:
        return 0
    people = list(moderators())
    for person in people:
        notify(person, REFUND_WAITING, message=lambda: _refund_waits(refund))
    return len(people)


def _refund_waits(refund):
    order = refund.payment.order
    values = {
        "amount": format_xaf(refund.amount_xaf, get_language()),
        "number": order.number,
        "provider": refund.payment.get_provider_display(),
        "person": order.user.get_full_name() or order.user.email,
        "reason": refund.staff_reason,
    }
    return Message(
        subject=_("Refund waiting for staff: %(amount)s, %(number)s") % values,
        text=_(
            "A refund of %(amount)s to %(person)s (order %(number)s, %(provider)s) waits "
            "for staff.\nWhy: %(reason)s\n\nOpen the refund queue to record it as refunded "
            "by hand, or to try the provider again.\n"
        )
        % values,
        url=reverse("checkout_refund_queue"),
    )


def tell_moderators_ledger_mismatch(*, unbalanced, clearing):
    """One notice per moderator listing what the ledger check found (nothing when clean)."""
    if not unbalanced and not clearing:
        return 0
    people = list(moderators())
    for person in people:
        notify(person, LEDGER_MISMATCH, message=lambda: _ledger_mismatch(unbalanced, clearing))
    return len(people)


def _ledger_mismatch(unbalanced, clearing):
    language = get_language()
    lines = [
        _("Ledger transaction %(id)s sums to %(total)s instead of 0.")
        % {"id": pk, "total": format_xaf(total, language)}
        for pk, total in sorted(unbalanced.items())
    ]
    lines += [
        _(
            "%(provider)s: the ledger says it holds %(clearing)s, its payments minus refunds "
            "make %(expected)s."
        )
        % {
            "provider": Payment.Provider(provider).label
            if provider in Payment.Provider
            else provider,
            "clearing": format_xaf(held, language),
            "expected": format_xaf(expected, language),
        }
        for provider, (held, expected) in sorted(clearing.items(), key=lambda item: str(item[0]))
    ]
    return Message(
        subject=ngettext(
            "The ledger check found %(count)d mismatch",
            "The ledger check found %(count)d mismatches",
            len(lines),
        )
        % {"count": len(lines)},
        text=_(
            "Tonight's ledger check found what follows. Nothing was changed: look at the "
            "orders concerned and post a correcting transaction.\n\n%(lines)s\n"
        )
        % {"lines": "\n".join(lines)},
        # The centre shows the findings themselves, not the opening sentence.
        summary="\n".join(lines[:3]),
        url=reverse("checkout_orders:index"),
    )


def tell_moderators_claim_waits(manual_id):
    """Once per claim; nothing when it was decided meanwhile."""
    manual = (
        ManualPayment.objects.select_related("order__user", "payment")
        .filter(pk=manual_id, state=ManualPayment.State.CLAIMED)
        .first()
    )
    if manual is None:
        return 0
    people = list(moderators())
    for person in people:
        notify(person, CLAIM_WAITING, message=lambda: _claim_waits(manual))
    return len(people)


def tell_student_claim_rejected(manual_id):
    manual = (
        ManualPayment.objects.select_related("order__user", "payment")
        .filter(pk=manual_id, state=ManualPayment.State.REJECTED)
        .first()
    )
    if manual is None:
        return 0
    notify(manual.order.user, PAYMENT_NOT_CONFIRMED, message=lambda: _claim_rejected(manual))
    return 1


def _claim_waits(manual):
    order = manual.order
    values = {
        "amount": format_xaf(manual.payment.amount_xaf, get_language()),
        "number": order.number,
        "id": manual.transaction_id,
        "person": order.user.get_full_name() or order.user.email,
    }
    return Message(
        subject=_("Payment by code to confirm: %(amount)s, %(number)s") % values,
        text=_(
            "%(person)s paid %(amount)s by code for order %(number)s and gave the "
            "transaction id %(id)s.\n\nCheck the transfer in the merchant account, then "
            "confirm or reject it in the admin's payments by code.\n"
        )
        % values,
        url=reverse("checkout_manual_claims"),
    )


def _claim_rejected(manual):
    values = {
        "amount": format_xaf(manual.payment.amount_xaf, get_language()),
        "id": manual.transaction_id,
        "reason": manual.reject_reason,
    }
    return Message(
        subject=_("Your payment of %(amount)s could not be confirmed") % values,
        text=_(
            "We could not confirm your transfer %(id)s of %(amount)s.\nWhy: %(reason)s\n\n"
            "Open the payment page to try again, or answer this message.\n"
        )
        % values,
        url=reverse("checkout:manual_code", args=[manual.payment.reference]),
    )
