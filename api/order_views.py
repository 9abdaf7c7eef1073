"""Orders and payments: the buyer's own, through checkout's selectors and services (the
pay page's rules); anybody else's order or payment is not found."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from checkout import selectors, services
from checkout.errors import CheckoutError, InvalidCoupon, InvalidPhone, ProviderUnavailable
from checkout.payment_states import describe, unavailable_message

from . import order_serializers
from .base import ApiView
from .problems import Conflict, ProviderDown


def checkout_refusal(error):
    """A checkout service's refusal, with its own translated message."""
    if isinstance(error, InvalidCoupon):
        return exceptions.ValidationError({"coupon": [error.message]})
    if isinstance(error, InvalidPhone):
        return exceptions.ValidationError({"phone": [error.message]})
    return Conflict(error.message)


def own_order(user, number):
    found = selectors.orders_of(user=user, number=number)
    if not found:
        raise Http404
    return found[0]


def shown_payment(request, payment):
    payment.state = describe(payment)
    return order_serializers.PaymentSerializer(payment, context={"request": request}).data


def start_payment(request, order, data):
    """Asks the provider to collect the order (a second call while a payment is pending
    gives back that payment), as the pay page does."""
    try:
        payment = services.start_payment(
            order=order, provider_name=data["provider"], phone=data["phone"]
        )
    except CheckoutError as error:
        raise checkout_refusal(error) from error
    except ProviderUnavailable as error:
        raise ProviderDown(unavailable_message()) from error
    return Response(shown_payment(request, payment), status=status.HTTP_201_CREATED)


class MyOrders(ApiView, generics.ListAPIView):
    """The signed-in person's orders, newest first (my orders); POST orders an item."""

    serializer_class = order_serializers.OrderSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        # As the page does: orders past their time show as expired.
        services.expire_overdue_orders(user=self.request.user)
        return selectors.orders_of(user=self.request.user)

    @extend_schema(
        request=order_serializers.NewOrderSerializer,
        responses={201: order_serializers.OrderSerializer},
    )
    def post(self, request):
        wanted = order_serializers.NewOrderSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        data = wanted.validated_data
        try:
            order = services.create_order(
                user=request.user,
                item_type=data["item_type"],
                item_id=data["item_id"],
                coupon_code=data["coupon"],
                request_token=data["request_token"],
            )
        except CheckoutError as error:
            raise checkout_refusal(error) from error
        shown = own_order(request.user, order.number)
        return Response(self.get_serializer(shown).data, status=status.HTTP_201_CREATED)


class MyOrder(ApiView):
    serializer_class = order_serializers.OrderSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, number):
        return Response(self.get_serializer(own_order(request.user, number)).data)


class OrderPayments(ApiView):
    """Starts a payment of one of the person's orders: sandbox, Mobile Money, card or
    pay by code, whichever the site offers."""

    serializer_class = order_serializers.PaymentSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=order_serializers.NewPaymentSerializer,
        responses={201: order_serializers.PaymentSerializer},
    )
    def post(self, request, number):
        order = own_order(request.user, number)
        how = order_serializers.NewPaymentSerializer(data=request.data)
        how.is_valid(raise_exception=True)
        return start_payment(request, order, how.validated_data)


class MyPayment(ApiView):
    """A payment's state; asking checks with the provider when its back-off allows, as
    the waiting page does."""

    serializer_class = order_serializers.PaymentSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, reference):
        payment = selectors.payment_of(user=request.user, reference=reference)
        if payment is None:
            raise Http404
        services.poll_if_due(payment=payment)
        payment.refresh_from_db()
        return Response(shown_payment(request, payment))
