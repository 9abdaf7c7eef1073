"""The refund queue in the Wagtail admin, for moderators: refunds waiting for staff and
those the provider has left pending for over an hour, oldest first, with their age.
Each can be recorded as refunded by hand (with the transfer's reference) or asked of
the provider again, under its own reference. The writes are refunds.py's."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .admin_views import can_manage_orders
from .errors import RefundError
from .models import Refund
from .money import format_xaf
from .refunds import record_hand_refund, try_again

# A refund pending at the provider longer than this is shown to staff as well.
PENDING_TOO_LONG = timedelta(hours=1)


class HandRefundForm(forms.Form):
    hand_reference = forms.CharField(
        label=gettext_lazy("Transfer reference"),
        max_length=64,
        help_text=gettext_lazy(
            "The transaction id of the transfer you sent, as the operator gives it."
        ),
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=255, required=False)


def refunds_for_staff(*, now):
    """Refunds a person must look at, oldest first."""
    return (
        Refund.objects.filter(
            Q(status=Refund.Status.WAITING_FOR_STAFF)
            | Q(status=Refund.Status.PENDING, created_at__lte=now - PENDING_TOO_LONG)
        )
        .select_related("payment__order__user")
        .order_by("created_at")
    )


def _describe(refund, now):
    order = refund.payment.order
    refund.amount_display = format_xaf(refund.amount_xaf)
    refund.age = timesince(refund.waiting_since or refund.created_at, now)
    refund.person = order.user.get_full_name() or order.user.email
    refund.order = order
    return refund


def _moderator_only(request):
    if not can_manage_orders(request.user):
        raise PermissionDenied


def refund_queue(request):
    _moderator_only(request)
    now = timezone.now()
    rows = [_describe(refund, now) for refund in refunds_for_staff(now=now)]
    return TemplateResponse(request, "checkout/admin/refund_queue.html", {"refunds": rows})


def refund_detail(request, pk):
    """GET: the refund and its actions. POST action=hand records a refund by hand;
    action=retry asks the provider again."""
    _moderator_only(request)
    refund = get_object_or_404(Refund.objects.select_related("payment__order__user"), pk=pk)
    form, problem = HandRefundForm(), ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "hand":
                form = HandRefundForm(request.POST)
                if form.is_valid():
                    record_hand_refund(
                        refund=refund,
                        hand_reference=form.cleaned_data["hand_reference"],
                        note=form.cleaned_data["note"],
                        by=request.user,
                    )
                    messages.success(request, _("Recorded as refunded by hand."))
                    return redirect("checkout_refund_queue")
                problem = _("Give the transfer's reference.")
            elif action == "retry":
                refund = try_again(refund=refund)
                messages.info(
                    request,
                    _("The provider was asked again: %(status)s.")
                    % {"status": refund.get_status_display()},
                )
                return redirect("checkout_refund_detail", pk=refund.pk)
        except RefundError as error:
            problem = error.message
        refund.refresh_from_db()
    refund = _describe(refund, timezone.now())
    return TemplateResponse(
        request,
        "checkout/admin/refund_detail.html",
        {
            "refund": refund,
            "heading": f"{refund.amount_display} · {refund.payment.get_provider_display()}",
            "form": form,
            "problem": problem,
            "may_record": refund.status == Refund.Status.WAITING_FOR_STAFF,
            "may_retry": refund.status in (Refund.Status.WAITING_FOR_STAFF, Refund.Status.PENDING),
        },
        status=400 if problem else 200,
    )
