"""The video call of an online consultation: the join view (our server decides who
enters, then sends the person to a room address made for them) and the sandbox room
page that stands in for the video service without configuration."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import call_presence, calls
from .errors import BookingError
from .models import Booking
from .video_rooms.sandbox import read_call_token


def _refusal(request, message, *, booking=None):
    return render(
        request, "booking/refused.html", {"message": message, "booking": booking}, status=403
    )


def _booking_with_people(**lookup):
    return (
        Booking.objects.select_related("service", "client", "professional").filter(**lookup).first()
    )


@login_required
def join_call(request, reference):
    booking = _booking_with_people(reference=reference)
    if booking is None:
        raise Http404
    try:
        address = calls.join(user=request.user, booking=booking)
    except BookingError as error:
        mine = request.user.pk in (booking.client_id, booking.professional.user_id)
        return _refusal(request, error.message, booking=booking if mine else None)
    return redirect(address)


@login_required
def call_room(request, room):
    """The sandbox's room: only with the link `join_call` made for this person."""
    claims = read_call_token(
        request.GET.get("token", ""), room=room, user_id=request.user.pk, now=timezone.now()
    )
    booking = _booking_with_people(video_room=room) if claims and room else None
    if booking is None:
        return _refusal(
            request,
            _(
                "This call link is not yours or has expired. "
                "Use “Join the video call” on your booking."
            ),
        )
    try:
        moderator = calls.check_can_join(request.user, booking)
    except BookingError as error:
        return _refusal(request, error.message, booking=booking)
    call_presence.enter(user=request.user, booking=booking, moderator=moderator)
    return render(
        request,
        "booking/call_room.html",
        {
            "booking": booking,
            "moderator": moderator,
            "here": call_presence.here_now(booking),
            "when": timezone.localtime(booking.starts_at),
        },
    )


@login_required
@require_POST
def leave_call(request, room):
    booking = get_object_or_404(Booking.objects.select_related("professional"), video_room=room)
    if request.user.pk not in (booking.client_id, booking.professional.user_id):
        raise Http404
    call_presence.leave(user=request.user, booking=booking)
    messages.info(request, _("You left the video call."))
    return redirect("booking:detail", reference=booking.reference)
