"""The sizes of pictures placed in a lesson's text (Wagtail finds this module by name).

Wagtail's own formats send the original file type at 800 or 500 px; on a paid-per-MB
phone that is several times what the lesson's other pictures weigh. Each format gives
one WebP file and no srcset, so the page always asks for the same address: the one the
offline copy keeps (course_pages.offline). Below the first screen they wait until
scrolled to, as every lesson image does."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.formats import Format, register_image_format, unregister_image_format


class LessonImageFormat(Format):
    def image_to_html(self, image, alt_text, extra_attributes=None):
        attributes = {"loading": "lazy", "decoding": "async", **(extra_attributes or {})}
        return super().image_to_html(image, alt_text, attributes)


for name, label, classname, filter_spec in [
    ("fullwidth", _("Full width"), "richtext-image full-width", "width-720|format-webp"),
    ("left", _("Left-aligned"), "richtext-image left", "width-360|format-webp"),
    ("right", _("Right-aligned"), "richtext-image right", "width-360|format-webp"),
]:
    unregister_image_format(name)
    register_image_format(LessonImageFormat(name, label, classname, filter_spec))
