"""Posting a challenge: a moderator or an instructor writes the title and brief in
French and English, adds up to three example photos, a speciality, the opening and the
deadline (Africa/Douala) and the prize. Everything is checked before anything is
stored; the results are frozen at the deadline by a task scheduled after the commit
(and by the beat, which catches any the broker lost)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import limits, photos
from ..errors import InvalidInput, NotAllowed
from ..models import Challenge, ChallengePhoto
from ..text import clean_text
from .access import may_post_challenge
from .tasks import freeze_results

# How challenges are named in the community's reports and posting log.
REPORT_KIND = "challenge"
MAX_TITLE_LENGTH = 120
MAX_BRIEF_LENGTH = 5000
MAX_PRIZE_LENGTH = 300
MAX_PHOTOS = 3


def _texts(title_fr, title_en, brief_fr, brief_en, prize):
    return {
        "title_fr": clean_text(
            title_fr, limit=MAX_TITLE_LENGTH, empty_message=_("Give the challenge a French title.")
        ),
        "title_en": clean_text(
            title_en,
            limit=MAX_TITLE_LENGTH,
            empty_message=_("Give the challenge an English title."),
        ),
        "brief_fr": clean_text(
            brief_fr, limit=MAX_BRIEF_LENGTH, empty_message=_("Write the brief in French.")
        ),
        "brief_en": clean_text(
            brief_en, limit=MAX_BRIEF_LENGTH, empty_message=_("Write the brief in English.")
        ),
        "prize": clean_text(prize, limit=MAX_PRIZE_LENGTH, required=False),
    }


def _dates(opens_at, deadline):
    if opens_at is None or deadline is None:
        raise InvalidInput(_("Give the opening and the deadline, day and time."))
    if deadline <= timezone.now():
        raise InvalidInput(_("The deadline must be in the future."))
    if deadline <= opens_at:
        raise InvalidInput(_("The deadline must come after the opening."))


def post_challenge(
    *,
    user,
    period,
    title_fr,
    title_en,
    brief_fr,
    brief_en,
    speciality,
    opens_at,
    deadline,
    prize="",
    uploads=(),
):
    """A new challenge, shown in the list at once (upcoming until it opens)."""
    uploads = list(uploads)
    if not may_post_challenge(user):
        raise NotAllowed(_("Only moderators and instructors can post a challenge."))
    if period not in Challenge.Period.values:
        raise InvalidInput(_("Choose a weekly or a monthly challenge."))
    if speciality is None:
        raise InvalidInput(_("Choose the speciality of the challenge."))
    texts = _texts(title_fr, title_en, brief_fr, brief_en, prize)
    _dates(opens_at, deadline)
    if len(uploads) > MAX_PHOTOS:
        raise InvalidInput(
            ngettext(
                "Add %(count)d example photo at most.",
                "Add %(count)d example photos at most.",
                MAX_PHOTOS,
            )
            % {"count": MAX_PHOTOS}
        )
    # Photos are checked and re-encoded before anything is stored.
    converted = [photos.convert(upload) for upload in uploads]
    with transaction.atomic():
        limits.check_post(user, texts=[*texts.values()], photos=len(converted))
        challenge = Challenge(
            author=user,
            period=period,
            speciality=speciality,
            opens_at=opens_at,
            deadline=deadline,
            **texts,
        )
        challenge.full_clean()
        challenge.save()
        for full, thumb in converted:
            ChallengePhoto.objects.create(
                challenge=challenge, image=full.file, thumbnail=thumb.file
            )
        limits.record_post(user, REPORT_KIND, challenge.pk)
        transaction.on_commit(
            lambda: freeze_results.apply_async(args=[challenge.pk], eta=challenge.deadline)
        )
    return challenge
