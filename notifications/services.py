"""Queue e-mails and SMS; a Celery task delivers each once, after the commit."""

from django.db import transaction

from .models import OutboundMessage


def queue_email(*, to, subject, text, html="", attachments=()):
    """``attachments``: (filename, text content, mimetype) triples, e.g. an .ics file."""
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.EMAIL,
        recipient=to,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        attachments=[
            {"filename": str(filename), "content": content, "mimetype": mimetype}
            for filename, content, mimetype in attachments
        ],
    )
    _deliver_after_commit(message)
    return message


def queue_sms(*, to, text):
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.SMS, recipient=str(to), body_text=text
    )
    _deliver_after_commit(message)
    return message


def _deliver_after_commit(message):
    from .tasks import deliver_message

    message_id = message.pk
    transaction.on_commit(lambda: deliver_message.delay(message_id))
