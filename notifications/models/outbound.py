"""Every e-mail, SMS and push we send, so delivery is retried and never doubled."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboundMessage(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("SMS")
        PUSH = "push", _("Push")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Delivery(models.TextChoices):
        """What the SMS provider says happened after it took the message (its delivery
        reports); e-mails stay UNKNOWN."""

        UNKNOWN = "", _("Unknown")
        ACCEPTED = "accepted", _("Accepted by the provider")
        SENT = "sent", _("Sent to the network")
        DELIVERED = "delivered", _("Delivered to the phone")
        UNDELIVERED = "undelivered", _("Not delivered")

    channel = models.CharField(_("channel"), max_length=5, choices=Channel)
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Small text files sent with an e-mail (a calendar invitation): a list of
    # {"filename", "content", "mimetype"}.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Times the stuck-queue sweep queued it again after its delivery task was lost.
    requeues = models.PositiveSmallIntegerField(_("queued again"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # When a worker took the message; a claim older than the lease is taken over,
    # so a worker killed mid-send does not leave the message "sending" for ever.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    # Who took the SMS and what they call it, so a delivery report finds its message.
    provider = models.CharField(_("provider"), max_length=20, blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=100, blank=True)
    delivery = models.CharField(
        _("delivery"), max_length=11, choices=Delivery, default=Delivery.UNKNOWN, blank=True
    )
    delivery_detail = models.CharField(_("delivery detail"), max_length=255, blank=True)
    delivery_updated_at = models.DateTimeField(_("delivery updated"), null=True, blank=True)
    # Held by the person's quiet hours: sent by the release job once this time has come.
    not_before = models.DateTimeField(_("held until"), null=True, blank=True)
    # A push goes to one subscription (one browser); the body is the JSON payload.
    push_subscription = models.ForeignKey(
        "notifications.PushSubscription",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("push subscription"),
    )

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["provider", "recipient", "delivery"]),
            models.Index(
                fields=["not_before"],
                condition=models.Q(not_before__isnull=False),
                name="outbound_message_held",
            ),
        ]
        constraints = [
            # A provider's id names one message: a repeated report finds that one.
            models.UniqueConstraint(
                fields=["provider", "provider_message_id"],
                condition=~models.Q(provider_message_id=""),
                name="outbound_message_provider_id_unique",
            )
        ]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject or self.body_text[:40]}"
