"""Conversations between people, their messages and each person's read state.

A conversation may be about something (a course, a booking, a study group) through a
registered context (messaging.contexts): messaging stores the context's kind and the
object's id and imports none of the apps that own them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.private_storage import private_storage


class Conversation(models.Model):
    # "" for a plain conversation (a moderator writing to someone); otherwise a
    # registered ConversationContext.kind and the object's id.
    context_kind = models.CharField(_("about (kind)"), max_length=30, blank=True)
    context_id = models.CharField(_("about (id)"), max_length=64, blank=True)
    is_group = models.BooleanField(_("group conversation"), default=False)
    # "<smaller user id>:<larger user id>" for two people, "" for a group: with the
    # context, the key of "one conversation per pair and context".
    pair_key = models.CharField(_("pair"), max_length=41, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # The newest message, kept here so the conversation list is one query at any size.
    last_message = models.ForeignKey(
        "Message",
        verbose_name=_("last message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        indexes = [models.Index(fields=["started_by", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["context_kind", "context_id", "pair_key"],
                name="one_conversation_per_pair_and_context",
            )
        ]

    def __str__(self):
        return f"#{self.pk} {self.context_kind}:{self.context_id}".rstrip(":")

    @staticmethod
    def pair_key_for(user_id, other_id):
        low, high = sorted((int(user_id), int(other_id)))
        return f"{low}:{high}"


class Participant(models.Model):
    """One person in one conversation, with how far they have received and read."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="conversation_seats",
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    # Message ids only grow, so "read up to" is one number per person.
    last_delivered_id = models.BigIntegerField(_("delivered up to"), default=0)
    last_read_id = models.BigIntegerField(_("read up to"), default=0)
    # Kept up to date with each message, so the header's count is one query.
    unread_count = models.PositiveIntegerField(_("unread"), default=0)
    muted = models.BooleanField(_("muted"), default=False)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_seat_per_person")
        ]
        indexes = [models.Index(fields=["user", "unread_count"])]

    def __str__(self):
        return f"{self.user} in #{self.conversation_id}"


class Message(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        PHOTO = "photo", _("Photo")
        VOICE = "voice", _("Voice note")

    class VoiceState(models.TextChoices):
        NONE = "", _("Not a voice note")
        PROCESSING = "processing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        on_delete=models.CASCADE,
        related_name="messages_sent",
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind, default=Kind.TEXT)
    text = models.TextField(_("text"), blank=True)
    # Photos are re-encoded to WebP (core.photos); voice notes to Opus by a task.
    attachment = models.FileField(
        _("attachment"), upload_to="messages/%Y/%m/", storage=private_storage, blank=True
    )
    voice_state = models.CharField(
        _("voice note"), max_length=10, choices=VoiceState, default=VoiceState.NONE, blank=True
    )
    voice_seconds = models.PositiveSmallIntegerField(_("length (s)"), null=True, blank=True)
    # Made by the sender's page, so a form sent twice (a double tap, a replayed offline
    # queue) stores one message.
    client_key = models.CharField(_("client key"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    hidden_at = models.DateTimeField(_("hidden by a moderator"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "client_key"],
                condition=~models.Q(client_key=""),
                name="one_message_per_client_key",
            )
        ]

    def __str__(self):
        return f"{self.sender} #{self.conversation_id}: {self.text[:40]}"


class Block(models.Model):
    """``blocker`` receives nothing from ``blocked`` and cannot be written to by them."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received"
    )
    created_at = models.DateTimeField(_("blocked"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")
        ]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"


class Report(models.Model):
    """A message someone reported; a moderator reads it in context and decides."""

    class Outcome(models.TextChoices):
        OPEN = "", _("Waiting for a moderator")
        HIDDEN = "hidden", _("Message hidden")
        DISMISSED = "dismissed", _("No action")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_reports"
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome, default=Outcome.OPEN, blank=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_person")
        ]

    def __str__(self):
        return f"{self.reporter} reports message {self.message_id}"


class PresenceSetting(models.Model):
    """What a person lets others see: "online" / "seen 10 min ago", and read ticks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presence_setting"
    )
    show_online = models.BooleanField(_("show when I am online"), default=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("presence setting")
        verbose_name_plural = _("presence settings")

    def __str__(self):
        return str(self.user)


class Sanction(models.Model):
    """What a moderator did to a person's messaging, kept as the audit trail: a warning,
    or a suspension until a date (a person suspended cannot send or start anything)."""

    class Action(models.TextChoices):
        WARNED = "warned", _("Warned")
        SUSPENDED = "suspended", _("Messaging suspended")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="messaging_sanctions",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action)
    reason = models.CharField(_("reason"), max_length=500)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="sanctions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        verbose_name = _("messaging sanction")
        verbose_name_plural = _("messaging sanctions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "action", "until"])]

    def __str__(self):
        return f"{self.user}: {self.action}"
