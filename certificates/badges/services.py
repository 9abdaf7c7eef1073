"""Writes: award a badge once when its rule holds, tell the holder, revoke. Each is safe
to run twice, and at the same time in two workers (one_award_per_badge_and_person)."""

import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache_tags import invalidate
from notifications.services import Message, notify

from .. import codes, rule_kinds
from ..documents import absolute
from ..errors import CertificateError
from ..models import Badge, BadgeAward, Certificate
from ..notification_kinds import BADGE_AWARDED
from ..services import certificates_tag
from . import documents

logger = logging.getLogger(__name__)


def unused_code():
    """A fresh ID, unused by certificates and badges alike (one verification page)."""
    while True:
        code = codes.new_code()
        taken = (
            Certificate.objects.filter(code=code).exists()
            or BadgeAward.objects.filter(code=code).exists()
        )
        if not taken:
            return code


def holders(badge, user_ids=None):
    """Ids of the people the badge's rule holds for now (none when its kind is gone)."""
    kind = rule_kinds.get(badge.rule)
    if kind is None:
        return set()
    return kind.holders(badge, user_ids)


def _invalidate(user_id):
    # Pages showing a person's credentials (her directory profile) share one tag.
    invalidate(certificates_tag(user_id))


def award(*, badge, user):
    """The person's award of this badge, made now if she has none. Returns (award,
    created); (None, False) when she has no name to put on it. A revoked award is
    returned, never replaced."""
    existing = BadgeAward.objects.filter(badge=badge, user=user).first()
    if existing is not None:
        return existing, False
    recipient_name = user.get_full_name().strip()
    if not recipient_name:
        logger.warning("Badge %s earned by person %s without a name", badge.pk, user.pk)
        return None, False
    awarded = BadgeAward(
        code=unused_code(),
        badge=badge,
        user=user,
        recipient_name=recipient_name,
        name_fr=badge.name_fr,
        name_en=badge.name_en,
        criteria_fr=badge.criteria_fr,
        criteria_en=badge.criteria_en,
        image_url=documents.image_url(badge),
        # Whole seconds: the credential carries the time to the second.
        awarded_at=timezone.now().replace(microsecond=0),
    )
    awarded.credential = documents.signed_credential(awarded)
    awarded.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            awarded.save()
    except IntegrityError:
        # Another worker awarded it between our check and our insert.
        return BadgeAward.objects.get(badge=badge, user=user), False
    _invalidate(user.pk)
    return awarded, True


def award_due(*, user):
    """Award every active badge whose rule now holds for this person; returns the new
    awards. Called by the task after a certificate is issued, a challenge won …"""
    held = BadgeAward.objects.filter(user=user).values("badge_id")
    made = []
    for badge in Badge.objects.filter(is_active=True).exclude(pk__in=held):
        if user.pk in holders(badge, [user.pk]):
            made += _award_and_tell(badge, user)
    return made


def sweep():
    """Nightly: award each active badge to everyone its rule holds for and who lacks it
    (a trigger lost with a worker, a badge defined after the fact). Returns how many."""
    people = get_user_model().objects
    made = 0
    for badge in Badge.objects.filter(is_active=True):
        missing = holders(badge) - set(badge.awards.values_list("user_id", flat=True))
        for person in people.filter(pk__in=missing, is_active=True).iterator():
            made += len(_award_and_tell(badge, person))
    return made


def _award_and_tell(badge, user):
    with transaction.atomic():
        awarded, created = award(badge=badge, user=user)
        if awarded is not None and not awarded.is_revoked:
            notify_holder(award=awarded)
    return [awarded] if created else []


def notify_holder(*, award):
    """Tell the holder once, in her language (claimed by notified_at)."""
    claimed = BadgeAward.objects.filter(pk=award.pk, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if claimed:
        notify(award.user, BADGE_AWARDED, message=lambda: _awarded_message(award))


def _awarded_message(award):
    mine = reverse("certificates:mine")
    values = {
        "name": award.recipient_name,
        "badge": award.name,
        "criteria": award.criteria,
        "verify": absolute(award.get_verify_url()),
        "mine": absolute(mine),
    }
    opening = _("You earned the badge “%(badge)s”.") % values
    return Message(
        subject=_("New badge: “%(badge)s”") % values,
        text=_(
            "Hello %(name)s,\n\nCongratulations! You earned the badge “%(badge)s”: "
            "%(criteria)s\n\nSee your badges at %(mine)s\nAnyone can check it at %(verify)s\n"
        )
        % values,
        summary=opening,
        url=mine,
    )


@transaction.atomic
def revoke(*, award, reason, revoked_by):
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking: it is shown on the public page."))
    award = BadgeAward.objects.select_for_update().get(pk=award.pk)
    if award.is_revoked:
        raise CertificateError(_("This badge is already revoked."))
    award.revoked_at = timezone.now()
    award.revocation_reason = reason[:255]
    award.revoked_by = revoked_by
    award.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    _invalidate(award.user_id)
    return award
