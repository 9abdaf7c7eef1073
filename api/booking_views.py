"""A client's bookings: hold a free slot, pay its deposit through a checkout order,
move, cancel, review; through booking's services, as the booking pages do. Anybody
else's booking is not found."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from booking import changes, selectors, services
from booking.errors import BookingError, NotAllowed, SlotUnavailable
from checkout import services as checkout_services
from checkout.errors import CheckoutError

from . import booking_serializers, order_serializers
from .base import ApiView
from .order_views import checkout_refusal, own_order
from .problems import Conflict


def booking_refusal(error):
    """A booking service's refusal, with its own translated message: the slot or the
    booking's state says no (409), or what was sent is wrong (400)."""
    if isinstance(error, SlotUnavailable | NotAllowed):
        return Conflict(error.message)
    return exceptions.ValidationError([error.message])


def own_booking(user, reference):
    booking = selectors.booking_of_client(user, reference)
    if booking is None:
        raise Http404
    return booking


class ClientBookingView(ApiView):
    serializer_class = booking_serializers.BookingSerializer
    permission_classes = [IsAuthenticated]

    def shown(self, booking, *, created=False):
        booking = own_booking(self.request.user, booking.reference)
        return Response(
            self.get_serializer(booking).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class MyBookings(ClientBookingView, generics.ListAPIView):
    """The signed-in client's bookings: those to come (soonest first), then the past
    ones (latest first). POST holds a free slot of a service while the deposit is paid
    (a service without deposit is confirmed at once)."""

    def get_queryset(self):
        bookings = selectors.bookings_of_client(self.request.user)
        return bookings["upcoming"] + bookings["past"]

    @extend_schema(
        request=booking_serializers.HoldSerializer,
        responses={201: booking_serializers.BookingSerializer},
    )
    def post(self, request):
        wanted = booking_serializers.HoldSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        try:
            booking = services.hold_slot(
                client=request.user,
                service_id=wanted.validated_data["service"],
                starts_at=wanted.validated_data["start"],
            )
        except BookingError as error:
            raise booking_refusal(error) from error
        return self.shown(booking, created=True)


class MyBooking(ClientBookingView):
    def get(self, request, reference):
        return Response(self.get_serializer(own_booking(request.user, reference)).data)


class BookingDeposit(ApiView):
    """The order that pays a held slot's deposit (the same one again while it is open);
    pay it with POST orders/{number}/payments/. Paid, it confirms the booking."""

    serializer_class = order_serializers.OrderSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={201: order_serializers.OrderSerializer})
    def post(self, request, reference):
        booking = own_booking(request.user, reference)
        try:
            order = checkout_services.create_order(
                user=request.user, item_type="booking", item_id=booking.pk
            )
        except CheckoutError as error:
            raise checkout_refusal(error) from error
        shown = own_order(request.user, order.number)
        return Response(self.get_serializer(shown).data, status=status.HTTP_201_CREATED)


class BookingMove(ClientBookingView):
    """Moves a confirmed appointment to another free slot of the same service."""

    @extend_schema(request=booking_serializers.SlotChoiceSerializer)
    def post(self, request, reference):
        booking = own_booking(request.user, reference)
        wanted = booking_serializers.SlotChoiceSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        try:
            booking = changes.reschedule(
                booking=booking, user=request.user, starts_at=wanted.validated_data["start"]
            )
        except BookingError as error:
            raise booking_refusal(error) from error
        return self.shown(booking)


class BookingCancel(ClientBookingView):
    """Cancels a held or confirmed booking; the professional's policy decides what of
    the deposit is refunded (refund_due_xaf)."""

    @extend_schema(request=None)
    def post(self, request, reference):
        booking = own_booking(request.user, reference)
        try:
            booking = changes.cancel_by_client(booking=booking, user=request.user)
        except BookingError as error:
            raise booking_refusal(error) from error
        return self.shown(booking)


class BookingReview(ClientBookingView):
    """The client's one review of a completed appointment (1 to 5 stars, a text)."""

    @extend_schema(request=booking_serializers.ReviewSerializer)
    def post(self, request, reference):
        booking = own_booking(request.user, reference)
        review = booking_serializers.ReviewSerializer(data=request.data)
        review.is_valid(raise_exception=True)
        try:
            changes.write_review(
                booking=booking,
                user=request.user,
                rating=review.validated_data["rating"],
                text=review.validated_data["text"],
            )
        except BookingError as error:
            raise booking_refusal(error) from error
        return self.shown(booking)
