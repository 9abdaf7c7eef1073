"""A group's wall: tips, product notes, local suppliers and photos, with the text
before each edit kept. The author is kept as null when the account is deleted
("deleted account"); photos are re-encoded WebP in private storage (a private group's
photos are served only to its members)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from core.private_storage import private_storage

from .groups import Group
from .moderation import EditRevision, Moderated


class Resource(Moderated):
    class Kind(models.TextChoices):
        TIP = "tip", _("Tip")
        PRODUCT = "product", _("Product note")
        SUPPLIER = "supplier", _("Local supplier")
        PHOTO = "photo", _("Photos")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="resources")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_resources",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    text = models.TextField(_("text"), blank=True)
    supplier_name = models.CharField(_("supplier"), max_length=120, blank=True)
    supplier_town = models.ForeignKey(
        "directory.Town",
        verbose_name=_("supplier's town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    supplier_phone = PhoneNumberField(_("supplier's phone"), blank=True, region="CM")
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("wall resource")
        verbose_name_plural = _("wall resources")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["group", "visibility", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {(self.supplier_name or self.text)[:40]}"


class ResourcePhoto(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to="groups/%Y/%m/", storage=private_storage)
    # A small copy for the wall, so a page of photos stays light on a phone.
    thumbnail = models.FileField(_("thumbnail"), upload_to="groups/%Y/%m/", storage=private_storage)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    thumb_width = models.PositiveIntegerField()
    thumb_height = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("wall photo")
        verbose_name_plural = _("wall photos")
        ordering = ["id"]

    def __str__(self):
        return self.image.name


class ResourceRevision(EditRevision):
    """What a resource said before one edit."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField(_("text before the edit"), blank=True)
    supplier_name = models.CharField(_("supplier"), max_length=120, blank=True)
    supplier_phone = models.CharField(_("supplier's phone"), max_length=20, blank=True)

    class Meta(EditRevision.Meta):
        verbose_name = _("resource revision")
        verbose_name_plural = _("resource revisions")

    def __str__(self):
        return f"{self.resource_id} before {self.edited_at:%Y-%m-%d %H:%M}"
