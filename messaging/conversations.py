"""Starting conversations: one per pair of people and context, or one per group."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import header_count, limits
from .errors import NotAllowed
from .models import Conversation, Participant
from .permissions import check_may_write, group_members
from .sanctions import check_not_suspended
from .signals import conversation_started


def start_or_get_conversation(user, other, context_kind="", context_id=""):
    """The conversation between `user` and `other` about this context, started if
    needed. For a group context (one with `members`), `other` is None and the answer is
    the group's conversation, its seats following the members. Raises NotAllowed."""
    context_id = "" if context_id is None else str(context_id)
    members = group_members(context_kind, context_id)
    if members is not None:
        return _group_conversation(user, context_kind, context_id, members)
    if other is None:
        raise NotAllowed(_("You can't write to this person yet."))
    check_not_suspended(user)
    key = Conversation.pair_key_for(user.pk, other.pk)
    existing = Conversation.objects.filter(
        context_kind=context_kind, context_id=context_id, pair_key=key
    ).first()
    check_may_write(
        user=user,
        other=other,
        context_kind=context_kind,
        context_id=context_id,
        existing=existing is not None,
    )
    if existing is not None:
        return existing
    limits.check_new_conversation(user)
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create(
                context_kind=context_kind, context_id=context_id, pair_key=key, started_by=user
            )
            Participant.objects.bulk_create(
                [
                    Participant(conversation=conversation, user=user),
                    Participant(conversation=conversation, user=other),
                ]
            )
    except IntegrityError:
        # The other person (or a second tap) started it at the same moment.
        return Conversation.objects.get(
            context_kind=context_kind, context_id=context_id, pair_key=key
        )
    ids = {
        "conversation_id": conversation.pk,
        "context_kind": context_kind,
        "context_id": context_id,
        "started_by_id": user.pk,
    }
    transaction.on_commit(lambda: conversation_started.send(sender=Conversation, **ids))
    return conversation


def _group_conversation(user, context_kind, context_id, members):
    if not user.is_active or user.pk not in members:
        raise NotAllowed(_("You can't write to this person yet."))
    try:
        with transaction.atomic():
            conversation, _created = Conversation.objects.get_or_create(
                context_kind=context_kind,
                context_id=context_id,
                pair_key="",
                defaults={"is_group": True, "started_by": user},
            )
    except IntegrityError:
        conversation = Conversation.objects.get(
            context_kind=context_kind, context_id=context_id, pair_key=""
        )
    sync_group_seats(conversation, members)
    return conversation


def sync_group_seats(conversation, members):
    """Seats follow the group: newcomers get one, people who left the group leave."""
    seats = dict(
        Participant.objects.filter(conversation=conversation).values_list("user_id", "left_at")
    )
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user_id=uid) for uid in members - set(seats)],
        ignore_conflicts=True,
    )
    gone = [uid for uid, left_at in seats.items() if uid not in members and left_at is None]
    back = [uid for uid, left_at in seats.items() if uid in members and left_at is not None]
    # A seat left or taken back takes its unread messages out of, or back into, the header.
    header_count.forget([*gone, *back])
    if gone:
        Participant.objects.filter(conversation=conversation, user_id__in=gone).update(
            left_at=timezone.now()
        )
    if back:
        Participant.objects.filter(conversation=conversation, user_id__in=back).update(left_at=None)
