"""Reads for transcripts: a person's valid credentials as one list of rows, and who may
see a transcript."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from core.roles import is_moderator

from ..badges import documents as badge_documents
from ..badges.selectors import valid_badges_for
from ..documents import absolute, grade_in, public_verify_url
from ..models import Transcript
from ..selectors import valid_certificates_for

CERTIFICATE, BADGE = "certificate", "badge"


@dataclass(frozen=True)
class Line:
    """One credential on a transcript. Badges carry no hours."""

    kind: str
    code: str
    title_fr: str
    title_en: str
    date: datetime
    hours: Decimal | None
    verify_url: str
    credential: dict
    grade_band: str = ""  # a certificate's, when its course required a final assessment

    @property
    def grade_label(self):
        return grade_in(translation.get_language() or "fr", self.grade_band)

    @property
    def title(self):
        if (translation.get_language() or "").startswith("en"):
            return self.title_en or self.title_fr
        return self.title_fr


def lines_for(*, user, hidden=()):
    """The person's valid certificates and badges, newest first, without `hidden` codes.
    Three queries, whatever their number."""
    lines = [
        Line(
            CERTIFICATE,
            certificate.code,
            certificate.course_title_fr,
            certificate.course_title_en,
            certificate.issued_at,
            certificate.hours,
            public_verify_url(certificate),
            certificate.credential,
            certificate.grade_band,
        )
        for certificate in valid_certificates_for(user=user)
    ] + [
        Line(
            BADGE,
            award.code,
            award.name_fr,
            award.name_en,
            award.awarded_at,
            None,
            badge_documents.public_verify_url(award),
            award.credential,
        )
        for award in valid_badges_for(user=user)
    ]
    hidden = set(hidden)
    return sorted(
        (line for line in lines if line.code not in hidden),
        key=lambda line: line.date,
        reverse=True,
    )


def shown_lines(transcript):
    return lines_for(user=transcript.user, hidden=transcript.hidden_codes)


def transcript_of(user):
    """The person's transcript settings; an unsaved private one when she never chose."""
    return Transcript.objects.filter(user=user).first() or Transcript(user=user)


def find(token):
    return Transcript.objects.select_related("user").filter(token=token).first()


def can_see(*, user, transcript):
    """Anyone when public; otherwise its owner and moderators only."""
    if transcript.is_public:
        return True
    if not user.is_authenticated:
        return False
    return user.pk == transcript.user_id or is_moderator(user)


def total_hours(lines):
    return sum((line.hours for line in lines if line.hours is not None), Decimal(0))


def public_url(transcript):
    """The transcript page's absolute address, in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(transcript.get_absolute_url())
