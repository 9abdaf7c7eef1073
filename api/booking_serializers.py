"""What the API shows and accepts about a client's bookings. Shapes only: the booking
pages' forms (SlotForm, ReviewForm) check the input, booking's services the rest."""

from rest_framework import serializers

from booking.forms import ReviewForm, SlotForm
from booking.models import Booking

from .serializers import StrictSerializer


def checked_by(form_class, data):
    """The form's cleaned data, or its translated errors as the serializer's."""
    form = form_class(data)
    if not form.is_valid():
        raise serializers.ValidationError(
            {name: list(messages) for name, messages in form.errors.items()}
        )
    return form.cleaned_data


class BookedServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    duration_minutes = serializers.IntegerField()


class BookedProfessionalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="title")


class BookingSerializer(serializers.Serializer):
    reference = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Booking.Status.choices)
    service = BookedServiceSerializer()
    professional = BookedProfessionalSerializer()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    hold_expires_at = serializers.DateTimeField(allow_null=True)
    price_xaf = serializers.IntegerField()
    deposit_xaf = serializers.IntegerField()
    deposit_order = serializers.CharField(source="order.number", allow_null=True, default=None)
    refund_due_xaf = serializers.IntegerField()
    cancelled_by = serializers.CharField(allow_blank=True)
    reviewed = serializers.SerializerMethodField()
    is_video_call = serializers.BooleanField()

    def get_reviewed(self, booking) -> bool:
        return booking.review_id is not None


class SlotChoiceSerializer(StrictSerializer):
    """A slot's start as the slots endpoint gives it (ISO 8601 with its offset)."""

    start = serializers.CharField(max_length=40)

    def validate(self, attrs):
        return checked_by(SlotForm, attrs)


class HoldSerializer(SlotChoiceSerializer):
    """A service (id) and one of its free slots: held while the deposit is paid."""

    service = serializers.IntegerField(min_value=1, max_value=2**63 - 1)

    def validate(self, attrs):
        return {**attrs, **super().validate({"start": attrs["start"]})}


class ReviewSerializer(StrictSerializer):
    rating = serializers.IntegerField()
    text = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, attrs):
        return checked_by(ReviewForm, attrs)
