"""Writes for transcripts: the owner chooses whether the page is public and what it
shows."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import CertificateError
from ..models import Transcript
from .selectors import lines_for


@transaction.atomic
def choose(*, user, is_public, shown_codes):
    """Keep the owner's choice. Every shown code must be one of her valid credentials;
    otherwise nothing changes."""
    own = {line.code for line in lines_for(user=user)}
    shown = set(shown_codes)
    if not shown <= own:
        raise CertificateError(_("Your transcript can only show your own certificates and badges."))
    transcript, _created = Transcript.objects.select_for_update().get_or_create(user=user)
    transcript.is_public = bool(is_public)
    transcript.hidden_codes = sorted(own - shown)
    transcript.full_clean()
    transcript.save()
    return transcript
