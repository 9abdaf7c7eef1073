"""What checkout tells its moderators: a refund waits for them in the refund queue."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import MODERATORS_GROUP
from notifications.services import Message, notify

from .models import Refund
from .money import format_xaf
from .notification_kinds import REFUND_WAITING


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
