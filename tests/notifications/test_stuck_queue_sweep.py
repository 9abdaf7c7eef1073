"""Messages left queued because their delivery task was lost (delay() failed after the
commit, a broker restart) are queued again by the sweep, sent once, and given up as
failed after a bounded number of tries."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from notifications.models import OutboundMessage
from notifications.services import queue_email
from notifications.tasks import requeue_stuck_messages

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(minutes=settings.NOTIFICATIONS_STUCK_MINUTES + 5)


def lost_email(capture, *, age=LONG_AGO, **fields):
    with capture(execute=False):
        message = queue_email(to="awa@example.cm", subject="Reçu", text="Votre reçu")
    OutboundMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - age, **fields)
    return message


def test_a_message_whose_task_was_lost_is_sent_once_by_the_sweep(
    django_capture_on_commit_callbacks,
):
    message = lost_email(django_capture_on_commit_callbacks)

    assert requeue_stuck_messages() == {"requeued": 1, "failed": 0}
    assert requeue_stuck_messages() == {"requeued": 0, "failed": 0}

    assert [sent.subject for sent in mail.outbox] == ["Reçu"]
    message.refresh_from_db()
    assert (message.status, message.requeues, message.attempts) == ("sent", 1, 1)


def test_fresh_held_and_recently_tried_messages_are_left_alone(
    django_capture_on_commit_callbacks,
):
    fresh = lost_email(django_capture_on_commit_callbacks, age=timedelta(minutes=1))
    held = lost_email(
        django_capture_on_commit_callbacks, not_before=timezone.now() + timedelta(hours=8)
    )
    retrying = lost_email(
        django_capture_on_commit_callbacks, claimed_at=timezone.now() - timedelta(minutes=1)
    )

    assert requeue_stuck_messages() == {"requeued": 0, "failed": 0}

    assert mail.outbox == []
    for message in (fresh, held, retrying):
        message.refresh_from_db()
        assert (message.status, message.requeues) == ("queued", 0)


def test_a_message_still_stuck_after_the_last_try_is_marked_failed(
    django_capture_on_commit_callbacks,
):
    message = lost_email(
        django_capture_on_commit_callbacks, requeues=settings.NOTIFICATIONS_MAX_REQUEUES
    )

    assert requeue_stuck_messages() == {"requeued": 0, "failed": 1}

    assert mail.outbox == []
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    assert "given up" in message.last_error
