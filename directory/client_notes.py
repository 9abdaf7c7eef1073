"""A professional's private notes about her clients: the one write, and the read."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.page_locales import canonical

from . import extensions
from .errors import DirectoryError
from .models import ClientNote
from .models.clients import NOTE_MAX_LENGTH


@transaction.atomic
def save_client_note(*, professional, user, client_id, text):
    """Write (or clear, with an empty text) her note about one of her clients. Only the
    professional herself may, and only about someone who booked her."""
    page = canonical(professional)
    if page.user_id != user.pk:
        raise DirectoryError(_("Only the professional can keep notes about her clients."))
    if not extensions.is_client_of(client_id=client_id, professional_id=page.pk):
        raise DirectoryError(_("This person has not booked you."))
    text = (text or "").strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise DirectoryError(_("Write a note of at most 2000 characters."))
    if not text:
        ClientNote.objects.filter(professional=page, client_id=client_id).delete()
        return None
    note, _created = ClientNote.objects.update_or_create(
        professional=page, client_id=client_id, defaults={"text": text}
    )
    return note


def notes_of(professional, *, client_ids):
    """client id → her note text (one query, none without clients)."""
    if not client_ids:
        return {}
    return dict(
        ClientNote.objects.filter(
            professional=canonical(professional), client_id__in=client_ids
        ).values_list("client_id", "text")
    )
