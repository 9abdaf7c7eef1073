"""Payments by code in the Wagtail admin, for moderators: the claims waiting for
confirmation, oldest first, each confirmed or rejected (with a reason), and the import
of an operator statement that confirms the claims it shows paid. The writes are
manual_codes.py's."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import manual_codes, selectors
from .admin_views import can_manage_orders
from .errors import CheckoutError
from .models import ManualPayment
from .money import format_xaf

# An operator statement of a busy month is a few megabytes at most.
STATEMENT_MAX_BYTES = 5 * 1024 * 1024


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why"),
        max_length=255,
        help_text=gettext_lazy("The student reads it: say what is wrong with the transfer."),
    )


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=gettext_lazy("Operator statement (CSV)"),
        help_text=gettext_lazy(
            "A header line, then one transfer per line: the transaction id and the amount."
        ),
    )


def _moderator_only(request):
    if not can_manage_orders(request.user):
        raise PermissionDenied


def _describe(manual, now):
    order = manual.order
    manual.amount_display = format_xaf(manual.payment.amount_xaf)
    manual.age = timesince(manual.claimed_at or manual.created_at, now)
    manual.person = order.user.get_full_name() or order.user.email
    return manual


def claims(request):
    """GET: the claims waiting. POST action=confirm|reject on one claim (pk)."""
    _moderator_only(request)
    problem, reject_form = "", RejectForm()
    if request.method == "POST":
        manual = get_object_or_404(ManualPayment, pk=request.POST.get("pk") or 0)
        try:
            if request.POST.get("action") == "confirm":
                manual_codes.confirm(manual=manual, by=request.user)
                messages.success(
                    request,
                    _("Payment %(code)s confirmed: the order is paid.") % {"code": manual.code},
                )
                return redirect("checkout_manual_claims")
            reject_form = RejectForm(request.POST)
            if reject_form.is_valid():
                manual_codes.reject(
                    manual=manual, by=request.user, reason=reject_form.cleaned_data["reason"]
                )
                messages.info(request, _("Claim %(code)s rejected.") % {"code": manual.code})
                return redirect("checkout_manual_claims")
            problem = _("Say why the claim is rejected.")
        except CheckoutError as error:
            problem = error.message
    now = timezone.now()
    rows = [_describe(manual, now) for manual in selectors.claims_waiting()]
    return TemplateResponse(
        request,
        "checkout/admin/manual_claims.html",
        {"claims": rows, "problem": problem, "reject_form": reject_form},
        status=400 if problem else 200,
    )


def statement_import(request):
    """GET: the upload form. POST: the statement imported, and what it matched."""
    _moderator_only(request)
    form, report, problem = StatementForm(), None, ""
    if request.method == "POST":
        form = StatementForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["statement"]
            if upload.size > STATEMENT_MAX_BYTES:
                problem = _("This file is too large for a statement (5 MB at most).")
            else:
                try:
                    report = manual_codes.import_statement(data=upload.read(), by=request.user)
                except CheckoutError as error:
                    problem = error.message
        else:
            problem = _("Choose the statement file.")
    return TemplateResponse(
        request,
        "checkout/admin/statement_import.html",
        {"form": form, "report": report, "problem": problem},
        status=400 if problem else 200,
    )
