"""The buyer's side of checkout under "my account": their orders and PDF receipts."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from .admin_views import can_see_orders
from .models import Order
from .money import format_xaf
from .receipt_pdf import has_receipt, render_receipt_pdf


@login_required
def my_orders(request):
    orders = list(Order.objects.filter(user=request.user).order_by("-created_at"))
    for order in orders:
        order.amount_display = format_xaf(order.amount_xaf)
        order.refunded_display = format_xaf(order.refunded_xaf) if order.refunded_xaf else ""
        order.has_receipt = has_receipt(order)
    return render(request, "checkout/my_orders.html", {"orders": orders})


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
