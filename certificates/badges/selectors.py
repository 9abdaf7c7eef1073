"""Reads about badge awards. Lists prefetch the badge pictures' renditions, so a page
makes the same number of queries whatever the number of badges."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from core.roles import is_moderator

from ..models import BadgeAward

THUMBNAIL = "fill-96x96|format-webp"


def _with_pictures(awards):
    images = get_image_model().objects.prefetch_renditions(THUMBNAIL)
    return awards.select_related("badge").prefetch_related(
        Prefetch("badge__image", queryset=images)
    )


def valid_badges_for(*, user):
    """A person's badges that are not revoked, newest first; each `.badge.image` has its
    THUMBNAIL rendition ready."""
    if not getattr(user, "pk", None):
        return BadgeAward.objects.none()
    return _with_pictures(BadgeAward.objects.filter(user=user, revoked_at__isnull=True))


def badges_of(*, user):
    """Everything the owner sees on "my certificates", revoked badges included."""
    return _with_pictures(BadgeAward.objects.filter(user=user))


def find(code):
    if not code:
        return None
    return BadgeAward.objects.select_related("badge").filter(code=code).first()


def can_download(*, user, award):
    """The holder while it is valid, and moderators always; nobody else."""
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    return award.user_id == user.pk and not award.is_revoked
