"""The gentle streak reminder: 23 hours after the last learning, once a day, in the
person's language and channels, never in her quiet hours, only while the streak lives."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from enrolment.motivation import services as motivation
from enrolment.motivation.reminders import remind_all
from enrolment.motivation.tasks import remind_streaks
from notifications.models import (
    Notification,
    NotificationPreference,
    NotificationSettings,
    OutboundMessage,
)

from ..conftest import make_person

pytestmark = pytest.mark.django_db
DOUALA = ZoneInfo("Africa/Douala")


def douala(day, hour, minute=0):
    """A moment of December 2026 given in Douala time (Tuesday the 1st, UTC+1)."""
    return datetime(2026, 12, day, hour, minute, tzinfo=DOUALA)


@pytest.fixture
def awa():
    person = make_person("awa@example.cm", first_name="Awa", preferred_language="fr")
    motivation.record_activity(user_id=person.pk, now=douala(1, 18))  # Tuesday 18:00
    return person


def reminders_to(person):
    return list(Notification.objects.filter(user=person, kind="streak_reminder"))


def test_reminder_goes_23_hours_after_the_last_learning_not_before(awa):
    assert remind_all(now=douala(2, 16, 59)) == 0
    assert remind_all(now=douala(2, 17)) == 1

    (reminder,) = reminders_to(awa)
    assert reminder.title == "Gardez votre série d'apprentissage"
    assert "Vous avez appris 1 jour d'affilée." in reminder.body
    assert reminder.url == "/fr/learn/"
    mail = OutboundMessage.objects.get(channel="email", recipient="awa@example.cm")
    assert mail.body_text.startswith("Bonjour Awa,")


def test_reminder_goes_at_most_once_a_day(awa):
    remind_all(now=douala(2, 17))
    remind_all(now=douala(2, 18))
    remind_all(now=douala(2, 23))

    assert len(reminders_to(awa)) == 1


def test_reminder_reads_in_english_for_an_english_reader():
    grace = make_person("grace@example.cm", first_name="Grace", preferred_language="en")
    motivation.record_activity(user_id=grace.pk, now=douala(1, 9))
    motivation.record_activity(user_id=grace.pk, now=douala(2, 9))

    remind_all(now=douala(3, 8))

    (reminder,) = reminders_to(grace)
    assert reminder.title == "Keep your learning streak going"
    assert "You have learnt 2 days in a row." in reminder.body


def test_sms_reminder_when_she_chose_sms(awa):
    awa.phone = "+237670000001"
    awa.save(update_fields=["phone"])
    NotificationPreference.objects.create(
        user=awa, kind="streak_reminder", channel="sms", enabled=True
    )

    remind_all(now=douala(2, 17))

    sms = OutboundMessage.objects.get(channel="sms")
    assert "1 jour d'affilée" in sms.body_text and "/fr/learn/" in sms.body_text


def test_no_reminder_in_quiet_hours_then_one_when_they_end(awa):
    NotificationSettings.objects.create(user=awa, quiet_from=time(16), quiet_to=time(20))

    assert remind_all(now=douala(2, 17)) == 0
    assert remind_all(now=douala(2, 19, 59)) == 0
    assert remind_all(now=douala(2, 20)) == 1
    assert len(reminders_to(awa)) == 1


def test_no_reminder_once_she_learnt_today(awa):
    motivation.record_activity(user_id=awa.pk, now=douala(2, 0, 30))

    assert remind_all(now=douala(2, 23, 45)) == 0
    assert not reminders_to(awa)


def test_no_reminder_once_the_streak_is_over(awa):
    # Tuesday done, Wednesday missed (the pause covers it), Thursday missed too: over.
    assert remind_all(now=douala(4, 10)) == 0
    assert not reminders_to(awa)


def test_a_missed_day_covered_by_the_pause_still_gets_its_reminder(awa):
    assert remind_all(now=douala(3, 10)) == 1


def test_the_hourly_beat_entry_runs_the_reminder_task(awa):
    entry = settings.CELERY_BEAT_SCHEDULE["remind-streaks"]

    assert entry["task"] == remind_streaks.name
    assert remind_streaks.delay().get() == 0  # now: long after Tuesday, the streak is over
