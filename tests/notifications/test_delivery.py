import pytest
from celery.exceptions import Retry
from django.core import mail

from notifications import sms
from notifications.models import OutboundMessage
from notifications.services import queue_email, queue_sms
from notifications.tasks import deliver_message


@pytest.mark.django_db
def test_email_is_sent_after_commit_exactly_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email(to="a@example.cm", subject="Bonjour", text="Texte", html="<p>x</p>")

    deliver_message.delay(message.pk)  # a duplicate delivery does nothing

    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT
    assert message.attempts == 1


@pytest.mark.django_db
def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_email(to="a@example.cm", subject="Bonjour", text="Texte")

    assert len(callbacks) == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_sms_goes_through_the_configured_backend(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_sms(to="+237677123456", text="Votre code")

    assert sms.outbox == [("+237677123456", "Votre code")]


class BrokenSMSBackend:
    def send(self, to, text):
        raise ConnectionError("provider down")


@pytest.mark.django_db
def test_failed_delivery_is_queued_again_with_its_reason(settings):
    settings.SMS_BACKEND = "tests.notifications.test_delivery.BrokenSMSBackend"
    message = queue_sms(to="+237677123456", text="Votre code")  # on_commit never fires here

    with pytest.raises(Retry):
        deliver_message.apply(args=[message.pk], throw=True)

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.QUEUED
    assert "provider down" in message.last_error
    assert message.attempts == 1


@pytest.mark.django_db
def test_last_failed_attempt_marks_the_message_failed(settings):
    settings.SMS_BACKEND = "tests.notifications.test_delivery.BrokenSMSBackend"
    message = queue_sms(to="+237677123456", text="Votre code")

    with pytest.raises(ConnectionError):
        deliver_message.apply(args=[message.pk], retries=deliver_message.max_retries, throw=True)

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
