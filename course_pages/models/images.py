"""Wagtail images and renditions in private storage: a lesson's images are served by
course_pages/image_views.py once enrolment/media_access.py allows it, like its videos
and PDFs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)

from core.image_storage import image_storage


class AcademyImage(AbstractImage):
    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        storage=image_storage,
        width_field="width",
        height_field="height",
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_academyimage", "Can choose image")]


class AcademyRendition(AbstractRendition):
    image = models.ForeignKey(AcademyImage, related_name="renditions", on_delete=models.CASCADE)
    # The serving view looks renditions up by file name.
    file = WagtailImageField(
        upload_to=get_rendition_upload_to,
        storage=image_storage,
        width_field="width",
        height_field="height",
        db_index=True,
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
