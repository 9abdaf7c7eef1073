"""The gentle reminder: 23 hours after her last learning, when today has none yet and
the streak is still alive; at most once a day, never in her quiet hours (those of
notifications, in Douala time: the hourly job tries again once they are over)."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.preferences import choices_for
from notifications.services import Message, notify

from . import streaks
from .calendar import local_day
from .models import Streak
from .notification_kinds import STREAK_REMINDER

QUIET_AFTER = timedelta(hours=23)
# A streak with no learning for longer is over whatever the pauses: not worth reading.
LOOK_BACK = timedelta(days=4)


def is_due(row, now):
    today = local_day(now)
    return (
        row.last_activity_at is not None
        and row.last_activity_at <= now - QUIET_AFTER
        and row.last_day is not None
        and row.last_day < today
        and row.reminded_on != today
        and streaks.is_alive(streaks.state_of(row), today)
    )


def due_user_ids(now):
    rows = Streak.objects.filter(
        current__gte=1,
        last_activity_at__lte=now - QUIET_AFTER,
        last_activity_at__gte=now - LOOK_BACK,
    ).exclude(reminded_on=local_day(now))
    return [row.user_id for row in rows if is_due(row, now)]


def remind_all(*, now=None):
    """Remind everyone due now; returns how many were told. Safe to run twice."""
    now = now or timezone.now()
    return sum(remind(user_id=user_id, now=now) for user_id in due_user_ids(now))


@transaction.atomic
def remind(*, user_id, now):
    row = Streak.objects.select_for_update(skip_locked=True).filter(user_id=user_id).first()
    if row is None or not is_due(row, now):
        return False
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    if choices_for(user, STREAK_REMINDER).held_until(now) is not None:
        return False  # quiet hours: the next hourly run after they end sends it
    row.reminded_on = local_day(now)
    row.save(update_fields=["reminded_on"])
    days = streaks.current_length(streaks.state_of(row), local_day(now))
    notify(user, STREAK_REMINDER, message=partial(_message, user, days))
    return True


def _message(user, days):
    path = reverse("learning:my_learning")
    values = {
        "name": user.first_name or user.email,
        "days": days,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
    }
    streak = (
        ngettext(
            "You have learnt %(days)d day in a row.",
            "You have learnt %(days)d days in a row.",
            days,
        )
        % values
    )
    nudge = _("A lesson, a quiz or a practice photo today keeps your streak going.")
    return Message(
        subject=_("Keep your learning streak going"),
        text=_("Hello %(name)s,") % values
        + "\n\n"
        + streak
        + " "
        + nudge
        + "\n"
        + _("Continue: %(url)s") % values
        + "\n",
        summary=streak + " " + nudge,
        sms=ngettext(
            "Beauty Skills Academy: %(days)d day in a row! One lesson today keeps it going: %(url)s",
            "Beauty Skills Academy: %(days)d days in a row! One lesson today keeps it going: %(url)s",
            days,
        )
        % values,
        url=path,
    )
