"""Provider delivery reports applied to OutboundMessage: a report moves the delivery
state forward only, so a repeated or late report (Twilio's "sent" after "delivered")
changes nothing."""

import logging

from django.db import transaction
from django.utils import timezone

from .models import OutboundMessage

logger = logging.getLogger(__name__)

Delivery = OutboundMessage.Delivery
RANK = {
    Delivery.UNKNOWN: 0,
    Delivery.ACCEPTED: 1,
    Delivery.SENT: 2,
    Delivery.DELIVERED: 3,
    Delivery.UNDELIVERED: 3,
}
WAITING = [Delivery.UNKNOWN, Delivery.ACCEPTED, Delivery.SENT]


@transaction.atomic
def record_delivery(*, provider, report):
    """Apply one DeliveryReport; returns the message, or None when no message matches
    (logged, and the provider is still answered 200 so it stops retrying)."""
    messages = OutboundMessage.objects.select_for_update().filter(
        channel=OutboundMessage.Channel.SMS, provider=provider
    )
    if report.provider_message_id:
        message = messages.filter(provider_message_id=report.provider_message_id).first()
    else:
        message = (
            messages.filter(recipient=report.recipient, delivery__in=WAITING)
            .order_by("-sent_at", "-pk")
            .first()
        )
    if message is None:
        logger.info(
            "SMS delivery report from %s for no known message (%s %s)",
            provider,
            report.provider_message_id or report.recipient,
            report.delivery,
        )
        return None
    if RANK[report.delivery] > RANK[Delivery(message.delivery)]:
        message.delivery = report.delivery
        message.delivery_detail = report.detail[:255]
        message.delivery_updated_at = timezone.now()
        message.save(update_fields=["delivery", "delivery_detail", "delivery_updated_at"])
    return message
