"""Wagtail admin for moderators: orders (read-only, with refunds) and the payouts export.

Orders are never edited here: the only write is a refund, and it goes through
`refunds.refund_payment` like every other change of payment state."""

import csv
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from accounts.support.menu import SUPPORT_MENU_HOOK
from core.admin_ui import yes_no_column
from core.admin_viewsets import ModeratorsReadOnlyViewSet, ReadOnlyModelViewSet

from . import reports
from .errors import RefundError
from .models import LedgerTransaction, Order, Payment, Refund, Subscription
from .money import format_xaf
from .purchasables import fulfiller_for
from .refunds import refund_payment, refund_refusal, refundable_xaf

MANAGE_ORDERS = "checkout.change_order"
VIEW_ORDERS = "checkout.view_order"


def can_manage_orders(user):
    """Moderators (given the permission by a data migration) and superusers."""
    return user.is_authenticated and user.has_perm(MANAGE_ORDERS)


def can_see_orders(user):
    return user.is_authenticated and (user.has_perm(MANAGE_ORDERS) or user.has_perm(VIEW_ORDERS))


# --- Orders ------------------------------------------------------------------------------


class OrderIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class PaymentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, payment):
        parts = (payment.get_provider_display(), format_xaf(payment.amount_xaf))
        return " · ".join([*parts, payment.get_status_display()])


class RefundForm(forms.Form):
    payment = PaymentChoiceField(
        label=gettext_lazy("Payment"), queryset=Payment.objects.none(), empty_label=None
    )
    amount_xaf = forms.IntegerField(label=gettext_lazy("Amount to refund (FCFA)"), min_value=1)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy("Kept with the refund; the student does not see it."),
    )

    def __init__(self, *args, order, payments, **kwargs):
        remaining = refundable_xaf(order)
        paid = [p for p in payments if p.status == Payment.Status.PAID]
        kwargs.setdefault(
            "initial", {"amount_xaf": remaining, "payment": paid[0].pk if paid else None}
        )
        super().__init__(*args, **kwargs)
        # Every payment of the order is a valid choice: the service says which can be refunded.
        self.fields["payment"].queryset = order.payments.all()
        if len(payments) == 1:
            self.fields["payment"].widget = forms.HiddenInput()
        self.fields["amount_xaf"].widget.attrs.update({"max": max(remaining, 1)})


class OrderDetailView(InspectView):
    """The order with its payments, events, refunds and ledger; POST refunds."""

    template_name = "checkout/admin/order_detail.html"

    def get_page_title(self):
        return _("Order")

    def get_object(self, queryset=None):
        payments = Payment.objects.prefetch_related("events", "refunds__requested_by").order_by(
            "created_at"
        )
        ledger = LedgerTransaction.objects.prefetch_related("lines__payee").order_by(
            "created_at", "pk"
        )
        orders = Order.objects.select_related("user", "payee", "coupon").prefetch_related(
            Prefetch("payments", payments), Prefetch("ledger", ledger)
        )
        return get_object_or_404(orders, pk=self.pk)

    def get_fields(self):
        return []

    def refund_form(self, data=None):
        order = self.object
        return RefundForm(data, order=order, payments=list(order.payments.all()))

    def post(self, request, *args, **kwargs):
        """Two steps, without JavaScript: a first POST asks to confirm (saying what
        happens to the money and the item), the second one with confirm=1 refunds."""
        if not can_manage_orders(request.user):
            raise PermissionDenied
        form = self.refund_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("The refund could not be made: check the form below."))
            return self.render_to_response(self.get_context_data(refund_form=form))
        payment, amount_xaf = form.cleaned_data["payment"], form.cleaned_data["amount_xaf"]
        refusal = refund_refusal(payment=payment, order=self.object, amount_xaf=amount_xaf)
        if refusal:
            return self.refused(form, refusal)
        if request.POST.get("confirm") != "1":
            return self.render_to_response(
                self.get_context_data(
                    refund_form=form,
                    refund_confirmation=self.confirmation(payment, amount_xaf),
                )
            )
        try:
            refund = refund_payment(
                payment=payment,
                amount_xaf=amount_xaf,
                reason=form.cleaned_data["reason"],
                requested_by=request.user,
            )
        except RefundError as error:
            return self.refused(form, error.message)
        values = {"amount": format_xaf(refund.amount_xaf), "number": self.object.number}
        if refund.status == Refund.Status.DONE:
            messages.success(request, _("Refunded %(amount)s on order %(number)s.") % values)
        elif refund.status == Refund.Status.PENDING:
            messages.warning(
                request,
                _(
                    "The refund of %(amount)s on order %(number)s is waiting for the "
                    "provider: it is checked again automatically."
                )
                % values,
            )
        else:
            messages.warning(
                request,
                _(
                    "The refund of %(amount)s on order %(number)s waits for staff in the "
                    "refund queue: %(reason)s"
                )
                % {**values, "reason": refund.staff_reason},
            )
        return redirect(request.path)

    def refused(self, form, message):
        messages.error(self.request, message)
        form.add_error(None, message)
        return self.render_to_response(self.get_context_data(refund_form=form))

    def confirmation(self, payment, amount_xaf):
        order = self.object
        question = _("Refund %(amount)s to %(person)s by %(provider)s?") % {
            "amount": format_xaf(amount_xaf),
            "person": order.user.get_full_name() or order.user.email,
            "provider": payment.get_provider_display(),
        }
        try:
            fulfiller = fulfiller_for(order.item_type)
        except KeyError:  # an item type no longer sold: nothing more to say about it
            consequence = ""
        else:
            consequence = fulfiller.refund_consequence(order=order, amount_xaf=amount_xaf)
        return {"question": question, "consequence": consequence}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        payments = list(order.payments.all())
        refunds = [refund for payment in payments for refund in payment.refunds.all()]
        ledger = list(order.ledger.all())
        # Amounts as people read them, on the rows the template lists.
        for row in [*payments, *refunds, *(line for entry in ledger for line in entry.lines.all())]:
            row.amount_display = format_xaf(row.amount_xaf)
        remaining = refundable_xaf(order)
        may_refund = can_manage_orders(self.request.user)
        can_refund = (
            may_refund and remaining > 0 and any(p.status == Payment.Status.PAID for p in payments)
        )
        context.update(
            order=order,
            payments=payments,
            refunds=sorted(refunds, key=lambda refund: refund.created_at),
            ledger=ledger,
            remaining_display=format_xaf(remaining),
            money={
                "list_price": format_xaf(order.list_price_xaf),
                "discount": format_xaf(order.discount_xaf),
                "amount": format_xaf(order.amount_xaf),
                "refunded": format_xaf(order.refunded_xaf),
            },
            may_refund=may_refund,
        )
        if can_refund and "refund_form" not in context:
            context["refund_form"] = self.refund_form()
        return context


def _buyer(order):
    return f"{order.user} <{order.user.email}>" if order.user.get_full_name() else order.user.email


class OrderViewSet(ReadOnlyModelViewSet):
    """Read-only: a list with filters and search, and the detail page. No add, edit,
    copy or delete views are routed, whatever permissions a user holds."""

    model = Order
    name = "checkout_orders"
    url_prefix = "orders"
    icon = "list-ul"
    menu_label = gettext_lazy("Orders")
    menu_name = "orders"
    menu_order = 300
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = OrderIndexView
    inspect_view_class = OrderDetailView
    list_filter = ["status", "needs_review"]
    search_fields = ["number", "user__email"]
    search_backend_name = None
    list_display = [
        "number",
        Column("buyer", label=gettext_lazy("Buyer"), accessor=_buyer),
        "description",
        Column(
            "amount_xaf",
            label=gettext_lazy("Amount"),
            accessor=lambda order: format_xaf(order.amount_xaf),
            sort_key="amount_xaf",
        ),
        Column(
            "status", label=gettext_lazy("Status"), accessor="get_status_display", sort_key="status"
        ),
        Column(
            "needs_review",
            label=gettext_lazy("Needs review"),
            accessor=lambda order: _("Yes") if order.needs_review else "",
            sort_key="needs_review",
        ),
        DateColumn("created_at", label=gettext_lazy("Date"), sort_key="created_at"),
    ]


# --- Payouts -----------------------------------------------------------------------------


class PayoutPeriodForm(forms.Form):
    # ISO dates: what <input type="date"> sends and expects, whatever the admin language.
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=gettext_lazy("To"), widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end date is before the start date."))
        return cleaned


PAYOUT_COLUMNS = [
    gettext_lazy("Name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Phone"),
    gettext_lazy("Period start"),
    gettext_lazy("Period end"),
    gettext_lazy("Gross sales (FCFA)"),
    gettext_lazy("Refunds (FCFA)"),
    gettext_lazy("Net payable (FCFA)"),
    gettext_lazy("Orders"),
]


def _last_month():
    first_of_this_month = timezone.localdate().replace(day=1)
    end = first_of_this_month - date.resolution
    return end.replace(day=1), end


def payouts(request):
    """GET with start and end: the CSV. Without them: the form to choose the period."""
    if not can_manage_orders(request.user):
        raise PermissionDenied
    if "start" not in request.GET and "end" not in request.GET:
        start, end = _last_month()
        form = PayoutPeriodForm(initial={"start": start, "end": end})
        return TemplateResponse(request, "checkout/admin/payouts.html", {"form": form})
    form = PayoutPeriodForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "checkout/admin/payouts.html", {"form": form}, status=400)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return payouts_csv(start=start, end=end)


def payouts_csv(*, start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="payouts-{start}-{end}.csv"'
    # A byte-order mark, so that Excel reads the file as UTF-8 (accents in names).
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(title) for title in PAYOUT_COLUMNS])
    for row in reports.payouts(start=start, end=end):
        writer.writerow(
            [
                row.name,
                row.email,
                row.phone,
                start.isoformat(),
                end.isoformat(),
                row.gross_sales_xaf,
                row.refunds_xaf,
                row.net_payable_xaf,
                row.orders,
            ]
        )
    return response


# --- Subscriptions -----------------------------------------------------------------------


class SubscriptionViewSet(ModeratorsReadOnlyViewSet):
    """Support reads subscriptions here; they change only through checkout's services."""

    model = Subscription
    name = "support_subscriptions"
    url_prefix = "support-subscriptions"
    icon = "date"
    menu_label = gettext_lazy("Subscriptions")
    menu_order = 40
    menu_hook = SUPPORT_MENU_HOOK
    add_to_reference_index = False
    list_display = [
        "user",
        Column("plan", label=gettext_lazy("plan"), accessor="get_plan_display", sort_key="plan"),
        DateColumn("starts_at", label=gettext_lazy("starts"), sort_key="starts_at"),
        DateColumn("ends_at", label=gettext_lazy("ends"), sort_key="ends_at"),
        yes_no_column(Subscription, "revoked"),
    ]
    list_filter = ["plan", "revoked"]
    search_fields = ["user__email", "order__number"]
    search_backend_name = None
    inspect_view_fields = [
        "user",
        "plan",
        "order",
        "starts_at",
        "ends_at",
        "reminded_at",
        "revoked",
    ]
