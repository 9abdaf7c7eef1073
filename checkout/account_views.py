"""The buyer's side of checkout under "my account": their orders and PDF receipts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .admin_views import can_see_orders
from .errors import CheckoutError
from .models import Order
from .money import format_xaf
from .receipt_pdf import has_receipt, render_receipt_pdf


@login_required
def my_orders(request):
    services.expire_overdue_orders(user=request.user)
    orders = selectors.orders_of(user=request.user)
    for order in orders:
        order.amount_display = format_xaf(order.amount_xaf)
        order.refunded_display = format_xaf(order.refunded_xaf) if order.refunded_xaf else ""
        order.has_receipt = has_receipt(order)
        order.can_pay = order.status in (Order.Status.PENDING, Order.Status.EXPIRED)
        order.pay_url = reverse("checkout:buy", args=[order.item_type, order.item_id])
    return render(request, "checkout/my_orders.html", {"orders": orders})


@login_required
@require_POST
def cancel(request, number):
    order = get_object_or_404(Order, number=number, user=request.user)
    try:
        services.cancel_order(order=order, user=request.user)
    except CheckoutError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Order %(number)s is cancelled.") % {"number": order.number})
    return redirect("orders:my_orders")


@login_required
def receipt(request, number):
    """Only the buyer, or a moderator, gets the receipt; anybody else a 404, so that
    order numbers cannot be probed."""
    order = Order.objects.select_related("user", "coupon").filter(number=number).first()
    if order is None or not has_receipt(order):
        raise Http404
    if order.user_id != request.user.pk and not can_see_orders(request.user):
        raise Http404
    response = HttpResponse(render_receipt_pdf(order), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{order.number}.pdf"'
    patch_cache_control(response, private=True, no_store=True)
    return response
