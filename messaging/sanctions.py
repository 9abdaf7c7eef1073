"""A moderator's answer to a person, beyond hiding one message: a warning (told through
the notification centre) or a suspension of their messaging for some days. Every
decision is a Sanction row, the audit trail of who did what, when and why."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.services import Message as Notice
from notifications.services import notify

from .errors import MessagingError, NotAllowed
from .models import Sanction
from .notification_kinds import MESSAGING_SANCTION
from .safety import check_moderator

MAX_SUSPENSION_DAYS = 90


def _clean_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise MessagingError(_("Write the reason: the person will read it."))
    return reason[:500]


def warn(*, moderator, report, reason):
    return _record(moderator, report, Sanction.Action.WARNED, reason, until=None)


def suspend(*, moderator, report, days, reason):
    check_moderator(moderator)
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise MessagingError(
            _("A suspension lasts from 1 to %(days)d days.") % {"days": MAX_SUSPENSION_DAYS}
        )
    until = timezone.now() + timedelta(days=days)
    return _record(moderator, report, Sanction.Action.SUSPENDED, reason, until=until)


def _record(moderator, report, action, reason, *, until):
    """The decision, kept for the audit trail, and the sender told of it."""
    check_moderator(moderator)
    sanction = Sanction.objects.create(
        user=report.message.sender,
        action=action,
        reason=_clean_reason(reason),
        until=until,
        report=report,
        moderator=moderator,
    )
    notify(sanction.user, MESSAGING_SANCTION, message=lambda: _notice(sanction))
    return sanction


def suspended_until(user):
    """The end of the person's running suspension, or None."""
    return (
        Sanction.objects.filter(
            user=user, action=Sanction.Action.SUSPENDED, until__gt=timezone.now()
        )
        .order_by("-until")
        .values_list("until", flat=True)
        .first()
    )


def check_not_suspended(user):
    until = suspended_until(user)
    if until is not None:
        raise NotAllowed(
            _("Your messaging is suspended until %(date)s.")
            % {"date": date_format(timezone.localtime(until), "j F Y, H:i")}
        )


def _notice(sanction):
    values = {"reason": sanction.reason}
    if sanction.action == Sanction.Action.SUSPENDED:
        values["date"] = date_format(timezone.localtime(sanction.until), "j F Y, H:i")
        subject = _("Your messaging is suspended")
        opening = _("A moderator suspended your messaging until %(date)s.") % values
    else:
        subject = _("A warning from the moderators")
        opening = _("A moderator warns you about a message you sent.") % values
    text = "\n\n".join(
        [
            opening,
            _("Reason: %(reason)s") % values,
            _("The academy's rules: %(url)s")
            % {"url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"},
        ]
    )
    return Notice(subject=subject, text=text + "\n", summary=opening)
