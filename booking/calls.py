"""Joining an online consultation through our server: only the booking's client and
its professional (the host, as moderator), once the deposit is paid, from
BOOKING_CALL_OPENS_MINUTES before the start until the end. The room backend then makes
a way in for that one person, good until the end plus BOOKING_CALL_MARGIN_MINUTES."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.public_urls import absolute_url

from .errors import CallClosed, NotAllowed
from .models import Booking
from .video_rooms import CallPass, video_rooms

# The video service's clock may run a little behind ours.
CLOCK_LEEWAY = datetime.timedelta(minutes=1)


def opens_at(booking):
    return booking.starts_at - datetime.timedelta(minutes=settings.BOOKING_CALL_OPENS_MINUTES)


def is_host(user, booking):
    return booking.professional.user_id == user.pk


def check_can_join(user, booking, *, now=None):
    """True when the person enters as moderator (the professional), False for the
    client; else a BookingError saying why not."""
    now = now or timezone.now()
    if not user.is_authenticated or user.pk not in (
        booking.client_id,
        booking.professional.user_id,
    ):
        raise NotAllowed(
            _("Only the client and the professional of this appointment can join its video call.")
        )
    if not booking.is_video_call:
        raise NotAllowed(_("This appointment is not a video call."))
    if booking.status == Booking.Status.CANCELLED:
        raise CallClosed(_("This appointment is cancelled."))
    if booking.status == Booking.Status.EXPIRED:
        raise CallClosed(_("This appointment was not confirmed: the deposit was not paid in time."))
    if booking.status == Booking.Status.HELD:
        raise CallClosed(_("The video call opens once the deposit is paid."))
    if booking.status != Booking.Status.CONFIRMED or now >= booking.ends_at:
        raise CallClosed(_("This appointment is over."))
    if now < opens_at(booking):
        raise CallClosed(
            _("The video call opens %(minutes)d minutes before the appointment. Come back then.")
            % {"minutes": settings.BOOKING_CALL_OPENS_MINUTES}
        )
    return is_host(user, booking)


def name_in_call(user, booking):
    """The professional under their page's name, the client under their own."""
    if is_host(user, booking):
        return booking.professional.title
    return user.get_full_name() or _("Client")


def join(*, user, booking, now=None):
    """The address made for this person to enter the call (a redirect target)."""
    moderator = check_can_join(user, booking, now=now)
    call_pass = CallPass(
        room=booking.video_room,
        user_id=user.pk,
        name=name_in_call(user, booking),
        moderator=moderator,
        not_before=opens_at(booking) - CLOCK_LEEWAY,
        expires_at=booking.ends_at
        + datetime.timedelta(minutes=settings.BOOKING_CALL_MARGIN_MINUTES),
    )
    return video_rooms().join_url(call_pass)


def join_path(booking):
    return reverse("booking:join_call", args=[booking.reference])


def join_link(booking):
    """Our join view in full, for e-mails and calendars; never the room itself."""
    return absolute_url(join_path(booking))
