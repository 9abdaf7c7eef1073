"""What happened in messaging, for whoever counts it (analytics). Sent after commit."""

from django.dispatch import Signal

# A new conversation between two people; kwargs: conversation_id, context_kind,
# context_id (both "" for a plain one), started_by_id. Not sent for group conversations.
conversation_started = Signal()
