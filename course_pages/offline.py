"""A lesson's offline copy: the exact addresses the phone keeps and what they weigh.

The phone saves the lesson page as the data saver renders it (it asks with ``Save-Data:
on``): one 360-px lower-quality WebP per image, no srcset, and for a picture placed in the
text the one WebP its format draws, so these are the only images the saved page asks for. The video's 360p file and poster are listed apart, kept only
when the student chooses them. Worked out once per lesson revision and language, then
cached: the addresses and sizes change only when the lesson does."""

import re
from dataclasses import asdict, dataclass, field

from django.core.cache import cache
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text.rewriters import extract_attrs

# The filter the data saver uses for lesson images (components/streamfield/blocks/).
SAVED_IMAGE_FILTER = "width-360|format-webp|webpquality-40"
# A picture placed in rich text, as stored: <embed embedtype="image" id=".." format=".."/>.
RICH_TEXT_IMAGE = re.compile(r"<embed(\b[^>]*\bembedtype=\"image\"[^>]*)/?>")
# The page around the lesson text (layout, menu, lesson list), measured on a rendered
# lesson page; only the lesson's own text is added to it.
PAGE_SHELL_BYTES = 9_000
CACHE_SECONDS = 24 * 60 * 60


@dataclass
class OfflineCopy:
    lesson: int
    page: str
    files: list = field(default_factory=list)  # [{"url", "bytes"}] always kept
    video: list = field(default_factory=list)  # [{"url", "bytes"}] kept when chosen
    text_bytes: int = 0
    image_bytes: int = 0
    guide_bytes: int = 0
    video_bytes: int = 0

    @property
    def bytes_without_video(self):
        return self.text_bytes + self.image_bytes + self.guide_bytes

    @property
    def bytes_with_video(self):
        return self.bytes_without_video + self.video_bytes

    def as_manifest(self):
        body = asdict(self)
        body.update(
            bytes_without_video=self.bytes_without_video, bytes_with_video=self.bytes_with_video
        )
        return body


def offline_copy(lesson, request=None):
    """The copy of this lesson page (in its own language) the phone may keep."""
    key = f"course_pages:offline-copy:{lesson.pk}:{lesson.latest_revision_id}:{lesson.url_path}"
    copy = cache.get(key)
    if copy is None:
        copy = build_offline_copy(lesson, request)
        cache.set(key, copy, CACHE_SECONDS)
    return copy


def build_offline_copy(lesson, request=None):
    copy = OfflineCopy(lesson=lesson.pk, page=lesson.get_url(request))
    copy.text_bytes = PAGE_SHELL_BYTES + len(str(lesson.summary).encode()) + _text_bytes(lesson)
    pictures = [(image, SAVED_IMAGE_FILTER) for image in _images(lesson)]
    for image, filter_spec in pictures + list(_rich_text_images(lesson)):
        try:
            rendition = image.get_rendition(filter_spec)
        except SourceImageIOError:
            continue  # the page shows no picture for it either ({% image %} says so)
        if any(item["url"] == rendition.url for item in copy.files):
            continue  # one file, however many times the page shows it
        size = _size(rendition.file)
        copy.files.append({"url": rendition.url, "bytes": size})
        copy.image_bytes += size
    for block in lesson.body:
        if block.block_type == "guide" and block.value["document"]:
            document = block.value["document"]
            size = document.file_size or _size(document.file)
            copy.files.append({"url": document.url, "bytes": size})
            copy.guide_bytes += size
        elif block.block_type == "video":
            _add_video(copy, lesson, block.value["video"])
    copy.files = _unique(copy.files)
    copy.video = _unique(copy.video)
    return copy


def _add_video(copy, lesson, video):
    if video is None or not video.is_ready or not video.file_360:
        return
    for variant, size in (("poster", _size(video.poster)), ("360", video.size_360)):
        url = reverse("course_media:video", args=[lesson.pk, video.pk, variant])
        size = size or 0
        copy.video.append({"url": url, "bytes": size})
        copy.video_bytes += size


def _images(lesson):
    for block in lesson.body:
        if block.block_type == "gallery":
            yield from (
                item.value["image"] for item in block.value["images"] if item.value["image"]
            )
        elif block.block_type == "steps":
            yield from (step.value["image"] for step in block.value["steps"] if step.value["image"])


def _rich_text_images(lesson):
    """(image, filter) of each picture in the lesson's rich text: the rendition its
    format draws (course_pages/image_formats.py), the same with or without data saver."""
    embeds = [
        extract_attrs(match.group(1))
        for text in _strings(lesson.body.raw_data)
        for match in RICH_TEXT_IMAGE.finditer(text)
    ]
    ids = {int(attrs["id"]) for attrs in embeds if attrs.get("id", "").isdigit()}
    images = get_image_model().objects.in_bulk(ids) if ids else {}
    for attrs in embeds:
        image = images.get(int(attrs["id"])) if attrs.get("id", "").isdigit() else None
        try:
            image_format = get_image_format(attrs.get("format", ""))
        except KeyError:
            continue  # Wagtail cannot draw it either
        if image is not None:
            yield image, image_format.filter_spec


def _strings(raw_data):
    """Every string in a StreamField's raw data, however deep."""
    stack = list(raw_data)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _text_bytes(lesson):
    """The lesson's words as the page carries them (rich text, steps, quiz, captions)."""
    return sum(len(text.encode()) for text in _strings(lesson.body.raw_data))


def _size(stored):
    if not stored:
        return 0
    try:
        return stored.size
    except OSError:
        return 0  # a missing file: the phone will find out when it fetches


def _unique(files):
    seen, kept = set(), []
    for item in files:
        if item["url"] not in seen:
            seen.add(item["url"])
            kept.append(item)
    return kept
