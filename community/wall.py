"""Posting to a group's wall and editing what one posted (the text before each edit is
kept). Only members post; every post goes through the community limits."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.phone import parse_cameroon_phone
from core.roles import is_moderator

from . import limits, photos
from .access import may_post
from .errors import InvalidInput, NotAllowed
from .models import Resource, ResourcePhoto, ResourceRevision
from .text import clean_text

MAX_TEXT_LENGTH = 5000
MAX_SUPPLIER_LENGTH = 120
MAX_PHOTOS = 4
Kind = Resource.Kind


def _phone(value):
    number = parse_cameroon_phone((value or "").strip()) if (value or "").strip() else None
    if number is None:
        raise InvalidInput(
            _(
                "Enter the supplier's phone, a Cameroonian number, for example "
                "6 77 12 34 56 or +237 677 12 34 56."
            )
        )
    return number


def _clean(kind, text, supplier_name, supplier_town, supplier_phone, photo_count):
    if kind not in Kind.values:
        raise InvalidInput(_("Choose what you share: a tip, a product note, a supplier or photos."))
    text = clean_text(
        text,
        limit=MAX_TEXT_LENGTH,
        required=kind != Kind.PHOTO,
        empty_message=_("Write your tip, note or the supplier's details before sharing."),
    )
    fields = {"text": text, "supplier_name": "", "supplier_town": None, "supplier_phone": ""}
    if kind == Kind.SUPPLIER:
        fields["supplier_name"] = clean_text(
            supplier_name,
            limit=MAX_SUPPLIER_LENGTH,
            empty_message=_("Give the supplier's name or shop."),
        )
        if supplier_town is None:
            raise InvalidInput(_("Choose the supplier's town."))
        fields["supplier_town"] = supplier_town
        fields["supplier_phone"] = _phone(supplier_phone)
    if kind == Kind.PHOTO and not photo_count:
        raise InvalidInput(_("Choose at least one photo to share."))
    if photo_count > MAX_PHOTOS:
        raise InvalidInput(
            ngettext(
                "Share %(count)d photo at most in one post.",
                "Share %(count)d photos at most in one post.",
                MAX_PHOTOS,
            )
            % {"count": MAX_PHOTOS}
        )
    return fields


def post_resource(
    *,
    user,
    group,
    kind,
    text="",
    supplier_name="",
    supplier_town=None,
    supplier_phone="",
    uploads=(),
):
    """Share a tip, a product note, a local supplier (with town and phone) or photos."""
    uploads = list(uploads)
    if not may_post(user, group):
        raise NotAllowed(_("Join the group to share on its wall."))
    fields = _clean(kind, text, supplier_name, supplier_town, supplier_phone, len(uploads))
    # Photos are checked and re-encoded before anything is stored.
    converted = [photos.convert(upload) for upload in uploads]
    with transaction.atomic():
        limits.check_post(
            user, texts=[fields["text"], fields["supplier_name"]], photos=len(converted)
        )
        resource = Resource.objects.create(group=group, author=user, kind=kind, **fields)
        for full, thumb in converted:
            ResourcePhoto.objects.create(
                resource=resource,
                image=full.file,
                thumbnail=thumb.file,
                width=full.width,
                height=full.height,
                thumb_width=thumb.width,
                thumb_height=thumb.height,
            )
        limits.record_post(user, "resource", resource.pk)
    return resource


def may_edit(user, resource):
    return user.is_authenticated and (resource.author_id == user.pk or is_moderator(user))


@transaction.atomic
def edit_resource(*, user, resource, text, supplier_name="", supplier_town=None, supplier_phone=""):
    """The author (or a moderator) changes the words; the text before is kept."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not may_edit(user, resource) or resource.visibility == Resource.Visibility.REMOVED:
        raise NotAllowed(_("You can only change what you posted."))
    fields = _clean(
        resource.kind,
        text,
        supplier_name,
        supplier_town,
        supplier_phone,
        resource.photos.count(),
    )
    limits.check_edit(user, texts=[fields["text"], fields["supplier_name"]])
    ResourceRevision.objects.create(
        resource=resource,
        text=resource.text,
        supplier_name=resource.supplier_name,
        supplier_phone=str(resource.supplier_phone or ""),
        edited_by=user,
    )
    for name, value in fields.items():
        setattr(resource, name, value)
    resource.edited_at = timezone.now()
    resource.save()
    return resource
