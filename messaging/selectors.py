"""Reads about conversations, for views, sockets and tasks."""

from .models import Participant


def is_participant(user_id, conversation_id):
    """Whether the person has a seat (and has not left) in the conversation."""
    return Participant.objects.filter(
        user_id=user_id, conversation_id=conversation_id, left_at__isnull=True
    ).exists()


def participant_ids(conversation_id):
    """The ids of the people still in the conversation."""
    return set(
        Participant.objects.filter(
            conversation_id=conversation_id, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )
