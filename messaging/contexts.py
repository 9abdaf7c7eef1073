"""What a conversation may be *about* (a course, a booking, a study group, an enquiry
to a professional), registered by the app that owns the thing. Messaging imports none
of those apps: each registers a ConversationContext in its AppConfig.ready().

A context answers two questions about one of its objects, by the object's id (a string):
who may take part, and how to name and link it for the people in the conversation."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ConversationContext:
    # Stored on Conversation.context_kind: "course", "booking", "group", "enquiry" …
    kind: str
    # (user, object_id, other_user) -> bool: may `user` start or keep a conversation
    # with `other_user` about this object?
    may_write: Callable
    # (object_id) -> str: a short title, in the active language ("Tresses africaines").
    title: Callable
    # (object_id) -> str: a link to the object, or "".
    url: Callable = lambda object_id: ""
    # (object_id) -> set of user ids: the members of a group conversation (a study
    # group); None for two-person contexts.
    members: Callable | None = None


_CONTEXTS: dict[str, ConversationContext] = {}


def register(context):
    _CONTEXTS[context.kind] = context


def unregister(kind):
    """Remove a context (tests that register their own)."""
    _CONTEXTS.pop(kind, None)


def get(kind):
    """The registered context, or None (its app is not installed)."""
    return _CONTEXTS.get(kind)


def registered():
    return dict(_CONTEXTS)


def object_pk(object_id):
    """A context's object id as a primary key, or None when it is not one (a forged id)."""
    try:
        return int(object_id)
    except (TypeError, ValueError):
        return None


def page_context(kind, *, pages, may_write):
    """A context about a Wagtail page of `pages` (a queryset of the default-locale pages:
    courses, professionals), named and linked in the active language."""

    def page(object_id):
        found = pages.filter(pk=object_pk(object_id) or 0).first()
        if found is None:
            raise LookupError(object_id)
        return found.localized

    return ConversationContext(
        kind=kind,
        may_write=may_write,
        title=lambda object_id: page(object_id).title,
        url=lambda object_id: page(object_id).url or "",
    )
