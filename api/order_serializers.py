"""What the API shows and accepts about orders and payments. Shapes only: the pay
form (checkout.forms.PayForm) checks the method and phone, checkout's services the rest."""

import uuid

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from checkout import manual_codes
from checkout.forms import PayForm
from checkout.models import Order, Payment

from .serializers import StrictSerializer


class PaymentBriefSerializer(serializers.Serializer):
    reference = serializers.UUIDField()
    provider = serializers.ChoiceField(choices=Payment.Provider.choices)
    status = serializers.ChoiceField(choices=Payment.Status.choices)
    amount_xaf = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    paid_at = serializers.DateTimeField(allow_null=True)


class OrderSerializer(serializers.Serializer):
    """An order as its buyer sees it on "my orders" (checkout.selectors.orders_of)."""

    number = serializers.CharField()
    title = serializers.CharField()
    item_type = serializers.CharField()
    status = serializers.ChoiceField(choices=Order.Status.choices)
    list_price_xaf = serializers.IntegerField()
    discount_xaf = serializers.IntegerField()
    amount_xaf = serializers.IntegerField()
    refunded_xaf = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(allow_null=True)
    paid_at = serializers.DateTimeField(allow_null=True)
    payments = serializers.SerializerMethodField()

    @extend_schema_field(PaymentBriefSerializer(many=True))
    def get_payments(self, order):
        payments = sorted(order.payments.all(), key=lambda p: p.created_at, reverse=True)
        return PaymentBriefSerializer(payments, many=True).data


class NewOrderSerializer(StrictSerializer):
    """Something to buy: its type (course, subscription, live_session…) and id, an
    optional coupon, and an optional one-time key so a request sent twice (a dropped
    3G answer) gives back the same order."""

    item_type = serializers.CharField(max_length=30)
    item_id = serializers.CharField(max_length=64)
    coupon = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    request_token = serializers.UUIDField(required=False, allow_null=True, default=None)


class NewPaymentSerializer(StrictSerializer):
    """How to pay: a method the site offers, and the phone that confirms a Mobile Money
    payment. Checked by the pay page's own form."""

    # Every method the site knows; which of them a deployment offers is configured
    # (settings.CHECKOUT_PROVIDERS, none in a bare production check), so the pay form
    # below refuses one that is not on offer here.
    provider = serializers.ChoiceField(choices=Payment.Provider.choices)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        form = PayForm(
            {"token": uuid.uuid4(), "method": attrs["provider"], "phone": attrs["phone"]}
        )
        if not form.is_valid():
            errors = {
                "provider" if name == "method" else name: list(messages)
                for name, messages in form.errors.items()
            }
            raise serializers.ValidationError(errors)
        return {"provider": form.cleaned_data["method"], "phone": form.cleaned_data["phone"]}


class ManualCodeSerializer(serializers.Serializer):
    """Pay by code: send the amount by USSD to the merchant number, with this code."""

    code = serializers.CharField(source="provider_reference")
    merchant_number = serializers.SerializerMethodField()

    def get_merchant_number(self, payment) -> str:
        return manual_codes.merchant_number()


class PaymentSerializer(PaymentBriefSerializer):
    """A payment and what its state means (checkout.payment_states.describe): a sentence
    to show, the page to open for a card payment, the sandbox's pretend phone."""

    order = serializers.CharField(source="order.number")
    message = serializers.CharField(source="state.message")
    redirect_url = serializers.CharField(allow_blank=True)
    sandbox_phone_url = serializers.SerializerMethodField()
    manual_code = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_sandbox_phone_url(self, payment):
        if payment.provider != Payment.Provider.SANDBOX or payment.status != Payment.Status.PENDING:
            return None
        path = reverse("checkout:sandbox_phone", args=[payment.reference])
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(ManualCodeSerializer(allow_null=True))
    def get_manual_code(self, payment):
        if payment.provider != Payment.Provider.MANUAL:
            return None
        return ManualCodeSerializer(payment).data
