"""Quiet hours (Africa/Douala) hold SMS and push until they end, then release them
once; e-mail and the centre are never held."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from notifications import sms
from notifications.models import NotificationSettings, OutboundMessage
from notifications.preferences import DOUALA, quiet_hours_end
from notifications.services import notify
from notifications.tasks import release_held_messages

from .notifying import a_message, person, subscribe_a_browser


def douala(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=DOUALA)


@pytest.mark.parametrize(
    ("now", "expected_end"),
    [
        (douala(2, 23, 30), douala(3, 7)),  # late evening: until tomorrow morning
        (douala(3, 5, 0), douala(3, 7)),  # small hours: until this morning
        (douala(3, 7, 0), None),  # the end itself is awake
        (douala(3, 12, 0), None),
        (douala(2, 22, 0), douala(3, 7)),  # the start itself is quiet
    ],
)
def test_quiet_hours_over_midnight(now, expected_end):
    assert quiet_hours_end(time(22), time(7), now) == expected_end


def test_quiet_hours_within_a_day_and_in_douala_time():
    # 13:30 in Douala is 12:30 UTC: the person's hours are Douala hours.
    utc_now = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)
    assert quiet_hours_end(time(13), time(15), utc_now) == douala(2, 15)
    assert quiet_hours_end(time(13), time(15), douala(2, 15, 1)) is None
    assert quiet_hours_end(None, None, utc_now) is None


def quiet_now(user):
    """Quiet hours around the present moment, whatever the time the tests run."""
    now = timezone.now().astimezone(DOUALA)
    start = (now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + timedelta(hours=1)).time().replace(second=0, microsecond=0)
    NotificationSettings.objects.create(user=user, quiet_from=start, quiet_to=end)


@pytest.mark.django_db
def test_sms_and_push_wait_for_the_end_of_quiet_hours_email_does_not(
    django_capture_on_commit_callbacks,
):
    awa = person()
    subscribe_a_browser(awa)
    quiet_now(awa)

    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "payment_received", message=a_message())

    assert len(mail.outbox) == 1
    assert sms.outbox == []
    held = OutboundMessage.objects.exclude(channel=OutboundMessage.Channel.EMAIL)
    assert {message.channel for message in held} == {"sms", "push"}
    for message in held:
        assert message.status == OutboundMessage.Status.QUEUED
        assert timezone.now() < message.not_before <= timezone.now() + timedelta(hours=1)


@pytest.mark.django_db
def test_held_messages_go_out_once_when_the_quiet_hours_end(django_capture_on_commit_callbacks):
    awa = person()
    quiet_now(awa)
    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "payment_received", message=a_message())

    assert release_held_messages.delay().get() == 0  # still quiet: nothing goes
    assert sms.outbox == []

    OutboundMessage.objects.filter(channel="sms").update(
        not_before=timezone.now() - timedelta(seconds=1)
    )
    assert release_held_messages.delay().get() == 1
    assert release_held_messages.delay().get() == 0  # a second run sends nothing

    assert sms.outbox == [("+237677001122", "Beauty Skills Academy : paiement de 5 000 FCFA reçu.")]
    message = OutboundMessage.objects.get(channel="sms")
    assert message.status == OutboundMessage.Status.SENT
    assert message.attempts == 1


@pytest.mark.django_db
def test_a_duplicate_delivery_task_does_not_send_a_held_message_early():
    from notifications.tasks import deliver_message

    awa = person()
    quiet_now(awa)
    notify(awa, "payment_received", message=a_message())
    message = OutboundMessage.objects.get(channel="sms")

    assert deliver_message.delay(message.pk).get() == "already handled"
    assert sms.outbox == []
