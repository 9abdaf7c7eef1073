"""Blocks and reports: a block stops writing both ways; a report goes to the
moderators' queue (Wagtail admin), where a moderator hides the message or dismisses
the report. The report keeps who decided and when."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import is_moderator

from . import events
from .errors import MessagingError, NotAllowed
from .models import Block, Message, Participant, Report

MAX_REASON_LENGTH = 500


def block(*, user, other):
    if other.pk == user.pk:
        raise MessagingError(_("You can't block yourself."))
    Block.objects.get_or_create(blocker=user, blocked=other)


def unblock(*, user, other):
    Block.objects.filter(blocker=user, blocked=other).delete()


def report(*, user, message, reason=""):
    """`user`, a participant, reports someone else's message."""
    if not Participant.objects.filter(conversation_id=message.conversation_id, user=user).exists():
        raise NotAllowed(_("You can't report this message."))
    if message.sender_id == user.pk:
        raise MessagingError(_("You can't report your own message."))
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON_LENGTH:
        raise MessagingError(
            _("Say why in %(limit)s characters at most.") % {"limit": MAX_REASON_LENGTH}
        )
    try:
        with transaction.atomic():
            return Report.objects.create(message=message, reporter=user, reason=reason)
    except IntegrityError as error:
        raise MessagingError(_("You have already reported this message.")) from error


def check_moderator(user):
    if not is_moderator(user):
        raise NotAllowed(_("Only a moderator can handle a report."))


@transaction.atomic
def hide(*, moderator, report):
    """Hide the reported message for everyone and close every open report on it."""
    check_moderator(moderator)
    now = timezone.now()
    message = Message.objects.select_for_update().get(pk=report.message_id)
    if message.hidden_at is None:
        message.hidden_at = now
        message.hidden_by = moderator
        message.save(update_fields=["hidden_at", "hidden_by"])
    Report.objects.filter(message=message, outcome=Report.Outcome.OPEN).update(
        outcome=Report.Outcome.HIDDEN, handled_by=moderator, handled_at=now
    )
    transaction.on_commit(lambda: events.publish_message(message.pk))
    return message


@transaction.atomic
def dismiss(*, moderator, report):
    """Nothing wrong with the message: the report is closed, the message stays."""
    check_moderator(moderator)
    updated = Report.objects.filter(pk=report.pk, outcome=Report.Outcome.OPEN).update(
        outcome=Report.Outcome.DISMISSED, handled_by=moderator, handled_at=timezone.now()
    )
    if not updated:
        raise MessagingError(_("This report was already handled."))
