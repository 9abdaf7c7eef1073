"""What each side of a booking is told, in their own language, by e-mail and SMS.

Everything goes through notifications.notify (e-mails carry the .ics calendar file as
an attachment), delivered once each after the commit, as each person chose. Callers
claim the booking first (see booking.tasks), so nothing is queued twice."""

from functools import partial

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from checkout.money import format_xaf
from core.public_urls import absolute_url
from notifications.services import Message, notify

from . import calls, ics
from .notification_kinds import (
    BOOKING_CANCELLED,
    BOOKING_CONFIRMED,
    BOOKING_MOVED,
    BOOKING_REMINDER,
    DEPOSIT_REFUND_STUCK,
    DEPOSIT_REFUNDED,
)

CONFIRMED, MOVED, CANCELLED, REMINDER = "confirmed", "moved", "cancelled", "reminder"
KINDS = {
    CONFIRMED: BOOKING_CONFIRMED,
    MOVED: BOOKING_MOVED,
    CANCELLED: BOOKING_CANCELLED,
    REMINDER: BOOKING_REMINDER,
}


def when(booking):
    return date_format(timezone.localtime(booking.starts_at), "l j F Y, H:i")


def deposit_description(booking):
    """The deposit order's title; written again when the appointment moves."""
    return _("Deposit: %(service)s with %(professional)s, %(when)s") % {
        "service": booking.service.name,
        "professional": booking.professional.title,
        "when": when(booking),
    }


def place(booking):
    if booking.is_video_call:
        return calls.join_link(booking)
    professional = booking.professional
    town = professional.town.name if professional.town_id else ""
    return ", ".join(part for part in (professional.neighbourhood, town) if part)


def professional_phone(booking):
    professional = booking.professional
    return str(professional.phone or professional.user.phone or "")


def _client_lines(booking):
    professional = booking.professional
    lines = [
        _("Professional: %(name)s") % {"name": professional.title},
        _("Where: %(place)s") % {"place": place(booking)},
    ]
    if professional_phone(booking):
        lines.append(_("Phone: %(phone)s") % {"phone": professional_phone(booking)})
    if professional.whatsapp:
        lines.append(_("WhatsApp: %(phone)s") % {"phone": professional.whatsapp})
    return lines


def _professional_lines(booking):
    client = booking.client
    lines = [_("Client: %(name)s") % {"name": client.get_full_name() or client.email}]
    lines.append(_("E-mail: %(email)s") % {"email": client.email})
    if client.phone:
        lines.append(_("Phone: %(phone)s") % {"phone": client.phone})
    if booking.is_video_call:
        lines.append(_("Video call: %(url)s") % {"url": calls.join_link(booking)})
    return lines


def _subject(kind, booking):
    subjects = {
        CONFIRMED: _("Appointment confirmed: %(service)s, %(when)s"),
        MOVED: _("Appointment moved: %(service)s, %(when)s"),
        CANCELLED: _("Appointment cancelled: %(service)s, %(when)s"),
        REMINDER: _("Reminder: %(service)s tomorrow, %(when)s"),
    }
    return subjects[kind] % {"service": booking.service.name, "when": when(booking)}


def _opening(kind):
    return {
        CONFIRMED: _("Your appointment is confirmed."),
        MOVED: _("Your appointment has moved to a new time."),
        CANCELLED: _("This appointment is cancelled."),
        REMINDER: _("A reminder: your appointment is in less than 24 hours."),
    }[kind]


def _sms(kind, booking):
    texts = {
        CONFIRMED: _("Beauty Skills Academy: appointment confirmed, %(service)s, %(when)s."),
        MOVED: _("Beauty Skills Academy: appointment moved to %(when)s (%(service)s)."),
        CANCELLED: _("Beauty Skills Academy: appointment of %(when)s cancelled (%(service)s)."),
        REMINDER: _("Beauty Skills Academy: reminder, %(service)s on %(when)s."),
    }
    return texts[kind] % {"service": booking.service.name, "when": when(booking)}


def _recipients(booking):
    """(person, phone, details, is_professional) for each side."""
    professional_user = booking.professional.user
    return [
        (booking.client, booking.client.phone, _client_lines, False),
        (professional_user, professional_phone(booking), _professional_lines, True),
    ]


def tell_both_sides(booking, kind):
    """Confirmation, move, cancellation or reminder to the client and the professional.
    The first three carry the calendar file."""
    for person, phone, details, is_professional in _recipients(booking):
        notice = partial(_notice, booking, kind, person, phone, details, is_professional)
        notify(person, KINDS[kind], message=notice)


def _notice(booking, kind, person, phone, details, is_professional):
    text = "\n".join(
        [
            _("Hello %(name)s,") % {"name": person.first_name or person.email},
            "",
            _opening(kind),
            _("%(service)s — %(when)s") % {"service": booking.service.name, "when": when(booking)},
            *details(booking),
            "",
            _("Your bookings: %(url)s") % {"url": _bookings_url(is_professional)},
        ]
    )
    calendar = (
        ()
        if kind == REMINDER
        else (
            (
                _("appointment.ics"),
                calendar_for(booking, cancelled=kind == CANCELLED),
                "text/calendar",
            ),
        )
    )
    return Message(
        subject=_subject(kind, booking),
        text=text,
        sms=_sms(kind, booking),
        sms_to=phone,
        url=_bookings_path(is_professional),
        attachments=calendar,
    )


def _bookings_path(is_professional):
    return reverse("booking:professional_bookings" if is_professional else "booking:my_bookings")


def _bookings_url(is_professional):
    return absolute_url(_bookings_path(is_professional))


def calendar_for(booking, *, cancelled=False):
    return ics.appointment(
        booking=booking,
        summary=f"{booking.service.name} — {booking.professional.title}",
        location=place(booking),
        description="\n".join(_client_lines(booking)),
        cancelled=cancelled,
    )


def tell_client_slot_was_taken(booking, *, amount_xaf):
    """A deposit paid after the hold expired, for a slot given to someone else."""
    client = booking.client
    notify(client, DEPOSIT_REFUNDED, message=lambda: _slot_taken(booking, client, amount_xaf))


def _slot_taken(booking, client, amount_xaf):
    text = _(
        "Your deposit arrived after the slot of %(when)s had been given to someone "
        "else, so we refunded it: %(amount)s. You can choose another time."
    ) % {"when": when(booking), "amount": format_xaf(amount_xaf, get_language())}
    return Message(
        subject=_("Slot no longer free: deposit refunded"),
        text=_("Hello %(name)s,") % {"name": client.first_name or client.email} + "\n\n" + text,
        sms=_("Beauty Skills Academy: %(text)s") % {"text": text},
        url=_bookings_path(is_professional=False),
    )


def tell_moderators_refund_stuck(booking, moderators):
    for person in moderators:
        notify(person, DEPOSIT_REFUND_STUCK, message=lambda: _refund_stuck(booking))


def _refund_stuck(booking):
    values = {
        "amount": format_xaf(booking.refund_due_xaf, get_language()),
        "person": booking.client.get_full_name() or booking.client.email,
        "when": when(booking),
        "count": booking.refund_requeues,
    }
    return Message(
        subject=_("Deposit refund not started: %(amount)s to %(person)s") % values,
        text=_(
            "The refund of %(amount)s owed to %(person)s for the appointment of %(when)s "
            "could not be started, even after asking %(count)d more times. The order is "
            "flagged for review: refund it from the order's page.\n"
        )
        % values,
        url=reverse("checkout_orders:index"),
    )
