"""The PDF receipt of a paid order, in the buyer's language, dated in Douala time."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from .models import Order, Payment
from .money import format_xaf
from .selectors import order_title

# Orders that were paid, whatever happened after: they have a receipt.
WITH_RECEIPT = (Order.Status.PAID, Order.Status.PARTLY_REFUNDED, Order.Status.REFUNDED)


def has_receipt(order):
    return order.status in WITH_RECEIPT


def _paying_payment(order):
    """The payment that paid the order (the first paid one, if it was paid twice)."""
    return order.payments.filter(status=Payment.Status.PAID).order_by("paid_at", "pk").first()


def receipt_context(order, language):
    payment = _paying_payment(order)
    buyer = order.user
    return {
        "academy": settings.WAGTAIL_SITE_NAME,
        "order": order,
        "title": order_title(order),
        "buyer_name": buyer.get_full_name() or buyer.email,
        "buyer_email": buyer.email,
        "paid_at": order.paid_at or (payment and payment.paid_at),
        "payment": payment,
        "list_price": format_xaf(order.list_price_xaf, language),
        "discount": format_xaf(order.discount_xaf, language) if order.discount_xaf else "",
        "amount_paid": format_xaf(order.amount_xaf, language),
        "refunded": format_xaf(order.refunded_xaf, language) if order.refunded_xaf else "",
        "language": language,
    }


def render_receipt_pdf(order):
    """PDF bytes (A4). Rendered on demand: a receipt is small and its content can
    change after the sale (a refund shows on it)."""
    language = order.user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(timezone.get_default_timezone()):
        html = render_to_string("checkout/receipt_pdf.html", receipt_context(order, language))
    return HTML(string=html).write_pdf()
