"""Reminders 24 hours and 15 minutes before, sent once per person and kind however
often the beat task runs."""

from datetime import timedelta

from django.utils import timezone

from live import registration
from live.models import LiveSession, Registration, Reminder
from live.tasks import send_due_reminders
from notifications.models import Notification

from .conftest import make_session, soon


def _registered_long_ago(session, user):
    registration.register(user=user, session=session)
    Registration.objects.filter(session=session).update(
        registered_at=timezone.now() - timedelta(days=3)
    )


def test_the_day_before_then_15_minutes_before_each_once(people):
    session = make_session(people, "expert_qa", starts_at=soon(hours=20))
    _registered_long_ago(session, people["founder"])

    assert send_due_reminders() == 1
    assert send_due_reminders() == 0
    reminder = Notification.objects.get(user=people["founder"], kind="live_reminder")
    assert reminder.title.startswith("Rappel\u00a0: Tresses en direct")

    LiveSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() + timedelta(minutes=10)
    )
    assert send_due_reminders() == 1
    assert send_due_reminders() == 0
    assert sorted(Reminder.objects.values_list("kind", flat=True)) == ["15m", "24h"]
    assert Notification.objects.filter(kind="live_reminder").count() == 2


def test_no_reminder_for_a_cancelled_session_a_far_one_or_a_person_who_just_registered(people):
    far = make_session(people, "expert_qa", starts_at=soon(days=3))
    _registered_long_ago(far, people["founder"])
    just_now = make_session(people, "class", starts_at=soon(hours=5))
    registration.register(user=people["founder"], session=just_now)
    cancelled = make_session(people, "practice", starts_at=soon(hours=6))
    _registered_long_ago(cancelled, people["classmate"])
    LiveSession.objects.filter(pk=cancelled.pk).update(status=LiveSession.Status.CANCELLED)

    assert send_due_reminders() == 0
    assert not Reminder.objects.exists()
