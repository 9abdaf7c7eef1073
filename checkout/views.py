"""Buying: the pay form, the waiting page that follows the phone, and the sandbox phone."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.rate_limits import rate_limit

from . import manual_codes, renewals, services
from .errors import CheckoutError, ProviderUnavailable
from .forms import ManualClaimForm, PayForm
from .models import ManualPayment, Order, Payment, PaymentEvent, SandboxCharge
from .money import format_xaf
from .payment_states import describe, unavailable_message
from .providers import base, get_provider
from .purchasables import fulfiller_for
from .selectors import order_title


def _offer_or_none(request, item_type, item_id):
    try:
        return fulfiller_for(item_type).offer(item_id=item_id, user=request.user), None
    except KeyError:
        raise Http404 from None
    except CheckoutError as error:
        return None, error.message


@login_required
def buy(request, item_type, item_id):
    offer, refusal = _offer_or_none(request, item_type, item_id)
    if refusal:
        return render(request, "checkout/not_for_sale.html", {"message": refusal}, status=409)
    price_xaf, coupon_error = offer.price_xaf, ""
    if request.method == "POST" and "apply_coupon" in request.POST:
        # "Apply" only prices the coupon: nothing is ordered, the form keeps its answers.
        form = PayForm(
            initial={**_initial(request), **request.POST.dict()},
            offers_renewal=item_type == "subscription",
        )
        try:
            _coupon, discount = services.quote(
                price_xaf=offer.price_xaf,
                coupon_code=request.POST.get("coupon", ""),
                item_type=item_type,
                item_id=item_id,
                user=request.user,
            )
        except CheckoutError as error:
            coupon_error = error.message
        else:
            price_xaf -= discount
        return _render_buy(request, form, offer, price_xaf, coupon_error)
    form = PayForm(
        request.POST or None,
        initial=_initial(request),
        offers_renewal=item_type == "subscription",
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order = services.create_order(
                user=request.user,
                item_type=item_type,
                item_id=item_id,
                coupon_code=data["coupon"],
                request_token=data["token"],
            )
            if "renew_automatically" in data:
                renewals.record_consent(order=order, given=data["renew_automatically"])
            payment = services.start_payment(
                order=order, provider_name=data["method"], phone=data["phone"]
            )
        except CheckoutError as error:
            form.add_error(None, error.message)
        except ProviderUnavailable:
            form.add_error(None, unavailable_message())
        else:
            return _after_start(payment)
    return _render_buy(request, form, offer, price_xaf, coupon_error)


def _after_start(payment):
    if payment.provider == Payment.Provider.MANUAL:
        return redirect("checkout:manual_code", reference=payment.reference)
    if payment.redirect_url:
        return redirect(payment.redirect_url)
    return redirect("checkout:payment", reference=payment.reference)


def _initial(request):
    """A new form token, and the phone from the profile so most people just tap Pay."""
    phone = request.user.phone
    return {"token": uuid.uuid4(), "phone": str(phone.national_number) if phone else ""}


def _render_buy(request, form, offer, price_xaf, coupon_error):
    return render(
        request,
        "checkout/buy.html",
        {
            "form": form,
            "offer": offer,
            "price": format_xaf(price_xaf),
            "list_price": format_xaf(offer.price_xaf) if price_xaf != offer.price_xaf else "",
            "coupon_error": coupon_error,
        },
    )


def _own_payment(request, reference):
    payment = get_object_or_404(Payment.objects.select_related("order"), reference=reference)
    if payment.order.user_id != request.user.pk:
        raise Http404
    return payment


@login_required
@never_cache
def payment(request, reference):
    payment = _own_payment(request, reference)
    if payment.provider == Payment.Provider.MANUAL:
        return redirect("checkout:manual_code", reference=payment.reference)
    payment = services.poll_if_due(payment=payment)
    payment.refresh_from_db()
    state = describe(payment)
    if state["next_url"]:
        messages.success(request, state["message"])
        return redirect(state["next_url"])
    sandbox_phone = ""
    if payment.provider == Payment.Provider.SANDBOX and payment.status == Payment.Status.PENDING:
        sandbox_phone = reverse("checkout:sandbox_phone", args=[payment.reference])
    return render(
        request,
        "checkout/payment.html",
        {
            "payment": payment,
            "state": state,
            "sandbox_phone": sandbox_phone,
            "title": order_title(payment.order),
        },
    )


@login_required
@never_cache
def payment_status(request, reference):
    payment = services.poll_if_due(payment=_own_payment(request, reference))
    payment.refresh_from_db()
    state = describe(payment)
    if state["next_url"]:
        # The page script moves on to next_url by itself: the message waits for it there.
        messages.success(request, state["message"])
    return JsonResponse(state)


@login_required
@require_POST
def retry(request, reference):
    previous = _own_payment(request, reference)
    if previous.status == Payment.Status.PENDING:
        return redirect("checkout:payment", reference=previous.reference)
    try:
        payment = services.start_payment(
            order=previous.order, provider_name=previous.provider, phone=previous.phone
        )
    except CheckoutError as error:
        messages.error(request, error.message)
        return redirect("checkout:payment", reference=previous.reference)
    except ProviderUnavailable:
        messages.error(request, unavailable_message())
        return redirect("checkout:payment", reference=previous.reference)
    return _after_start(payment)


@login_required
@never_cache
@rate_limit("RATELIMIT_MANUAL_CLAIMS", key="user_or_ip", methods=["POST"])
def manual_code(request, reference):
    """Pay by code: the merchant number, the amount and the code to write in the
    transfer; then the operator's transaction id, and the claim's state."""
    payment = _own_payment(request, reference)
    manual = get_object_or_404(ManualPayment.objects.select_related("order"), payment=payment)
    form = ManualClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            manual_codes.claim(
                manual=manual,
                user=request.user,
                transaction_id=form.cleaned_data["transaction_id"],
                payer_phone=form.cleaned_data["payer_phone"],
            )
        except CheckoutError as error:
            form.add_error("transaction_id", error.message)
        else:
            return redirect("checkout:manual_code", reference=payment.reference)
    manual.refresh_from_db()
    order = manual.order
    next_url = ""
    if manual.state == ManualPayment.State.CONFIRMED:
        next_url = fulfiller_for(order.item_type).success_url(order=order)
    return render(
        request,
        "checkout/manual_code.html",
        {
            "manual": manual,
            "payment": payment,
            "form": form,
            "title": order_title(order),
            "amount": format_xaf(payment.amount_xaf),
            "merchant_number": manual_codes.merchant_number(),
            "expired": manual.expires_at <= timezone.now(),
            "next_url": next_url,
        },
        status=400 if form.errors else 200,
    )


@never_cache
def sandbox_phone(request, reference):
    """The sandbox's pretend phone: shows the prompt; Approve or Reject answers it."""
    charge = get_object_or_404(SandboxCharge, reference=reference)
    payment = get_object_or_404(Payment, reference=reference, provider=Payment.Provider.SANDBOX)
    if request.method == "POST" and charge.status == SandboxCharge.Status.WAITING:
        approved = request.POST.get("answer") == "approve"
        SandboxCharge.objects.filter(pk=charge.pk, status=SandboxCharge.Status.WAITING).update(
            status=SandboxCharge.Status.APPROVED if approved else SandboxCharge.Status.REJECTED
        )
        # The network then tells the merchant, like a provider webhook would.
        result = get_provider("sandbox").poll(payment)
        services.apply_status(
            payment_id=payment.pk, result=result, source=PaymentEvent.Source.WEBHOOK
        )
        return redirect("checkout:sandbox_phone", reference=reference)
    charge.refresh_from_db()
    return render(
        request,
        "checkout/sandbox_phone.html",
        {
            "charge": charge,
            "amount": format_xaf(charge.amount_xaf),
            "order": Order.objects.get(pk=payment.order_id),
            "answered": charge.status != SandboxCharge.Status.WAITING,
            "paid": base.PAID,
        },
    )
