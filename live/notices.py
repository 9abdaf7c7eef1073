"""What people registered for a live session are told, in their own language, through
notifications.notify: the place confirmed (with the .ics calendar file), the waiting
list, the reminders, the cancellation."""

from functools import partial

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from checkout.money import format_xaf
from core.calendar_files import event
from core.public_urls import absolute_url
from notifications.services import Message, notify

from .notification_kinds import (
    LIVE_CANCELLED,
    LIVE_PLACE_GONE,
    LIVE_REGISTERED,
    LIVE_REMINDER,
    LIVE_WAITING,
)

PRODUCT = "-//Beauty Skills Academy//Live sessions//FR"


def when(session):
    return date_format(timezone.localtime(session.starts_at), "l j F Y, H:i")


def session_path(session):
    return reverse("live:session", args=[session.pk])


def session_url(session):
    return absolute_url(session_path(session))


def calendar_file(session, *, cancelled=False):
    return event(
        product=PRODUCT,
        uid=f"live-{session.meeting_id}",
        sequence=0,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        summary=session.title,
        location=_("Online, on Beauty Skills Academy"),
        description=session.description,
        url=session_url(session),
        cancelled=cancelled,
        alarm_before="PT15M",
    )


def _hello(person):
    return _("Hello %(name)s,") % {"name": person.first_name or person.email}


def _message(session, person, *, subject, opening, attach=None, sms=""):
    text = "\n".join(
        [
            _hello(person),
            "",
            opening,
            _("%(title)s — %(when)s (Douala time)")
            % {"title": session.title, "when": when(session)},
            "",
            _("The session's page: %(url)s") % {"url": session_url(session)},
        ]
    )
    attachments = ()
    if attach is not None:
        attachments = ((_("live-session.ics"), attach(), "text/calendar"),)
    return Message(
        subject=subject % {"title": session.title, "when": when(session)},
        text=text,
        url=session_path(session),
        attachments=attachments,
        sms=sms,
    )


def _registered(session, person, promoted):
    opening = (
        _("A place opened up and it is yours: you are registered.")
        if promoted
        else _("Your place is confirmed.")
    )
    return _message(
        session,
        person,
        subject=_("Place confirmed: %(title)s, %(when)s"),
        opening=opening + " " + _("“Join” appears on the page 10 minutes before the start."),
        attach=partial(calendar_file, session),
    )


def registered(session, person, *, promoted=False):
    notify(person, LIVE_REGISTERED, message=partial(_registered, session, person, promoted))


def waiting(session, person):
    notify(
        person,
        LIVE_WAITING,
        message=lambda: _message(
            session,
            person,
            subject=_("Waiting list: %(title)s, %(when)s"),
            opening=_(
                "The session is full: you are on the waiting list. If someone cancels, "
                "you get their place automatically and we tell you."
            ),
        ),
    )


def _reminder(session, person, just_before):
    if just_before:
        subject = _("Starting soon: %(title)s, %(when)s")
        opening = _("Your live session starts in 15 minutes. Open its page to join.")
    else:
        subject = _("Reminder: %(title)s, %(when)s")
        opening = _("A reminder: your live session starts in less than 24 hours.")
    return _message(session, person, subject=subject, opening=opening)


def reminder(session, person, *, just_before):
    notify(person, LIVE_REMINDER, message=partial(_reminder, session, person, just_before))


def _refund_sentence(amount_xaf):
    return _("You paid for your place: we are giving back all of it, %(amount)s.") % {
        "amount": format_xaf(amount_xaf, get_language())
    }


def _cancelled(session, person, refund_xaf):
    opening = _("The host cancelled this live session. We are sorry.")
    if refund_xaf:
        opening += " " + _refund_sentence(refund_xaf)
    return _message(
        session,
        person,
        subject=_("Cancelled: %(title)s, %(when)s"),
        opening=opening,
        attach=partial(calendar_file, session, cancelled=True),
    )


def session_cancelled(session, person, *, refund_xaf=0):
    notify(person, LIVE_CANCELLED, message=partial(_cancelled, session, person, refund_xaf))


def _place_gone(session, person, amount_xaf):
    return _message(
        session,
        person,
        subject=_("No place for you: %(title)s, %(when)s"),
        opening=_(
            "Your payment arrived when the session had no place left for you (it filled "
            "up, started or was cancelled meanwhile)."
        )
        + " "
        + _refund_sentence(amount_xaf),
        sms=_(
            "Beauty Skills Academy: no place was left for you in “%(title)s”; your payment is refunded."
        )
        % {"title": session.title},
    )


def place_gone(session, person, *, amount_xaf):
    """A payment that came too late for a place: it goes back (checkout says when)."""
    notify(person, LIVE_PLACE_GONE, message=partial(_place_gone, session, person, amount_xaf))
