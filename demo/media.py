"""The demo's pictures, guide PDFs and sample video: made on first use (nothing is
downloaded or shipped) and found again by title, so loading twice makes nothing new."""

import logging
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from course_pages.models import LessonVideo
from course_pages.video_services import queue_transcode

from .content import read
from .sample_media import ffmpeg_available, make_image_bytes, make_sample_video

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Démo"

# Picture sizes (width, height) by use: small enough to make quickly.
COVER = (1200, 675)
PHOTO = (600, 600)
PORTRAIT = (720, 900)
ILLUSTRATION = (800, 600)


class DemoMedia:
    """Images, guide PDFs and the sample video, made on first use and found again by title."""

    def __init__(self, owner):
        self.owner = owner
        self.collection = self._collection()
        Image = get_image_model()
        Document = get_document_model()
        self._images = {
            image.title: image for image in Image.objects.filter(collection=self.collection)
        }
        self._documents = {
            document.title: document
            for document in Document.objects.filter(collection=self.collection)
        }
        self._video = None
        self._video_looked_up = False

    @staticmethod
    def _collection():
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        if existing is not None:
            return existing
        return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def image(self, title, size=ILLUSTRATION):
        if title not in self._images:
            width, height = size
            content = make_image_bytes(title, width=width, height=height)
            image = get_image_model()(
                title=title,
                collection=self.collection,
                uploaded_by_user=self.owner,
                file=ImageFile(BytesIO(content), name=f"{slugify(title)[:60]}.jpg"),
                file_size=len(content),
                file_hash=hash_filelike(BytesIO(content)),
            )
            image.save()
            self._images[title] = image
        return self._images[title]

    def document(self, key, lang):
        spec = read("catalogue")["documents"][key][lang]
        if spec["title"] not in self._documents:
            content = _guide_pdf(spec)
            document = get_document_model()(
                title=spec["title"],
                collection=self.collection,
                uploaded_by_user=self.owner,
                file=ContentFile(content, name=spec["filename"]),
                file_size=len(content),
                file_hash=hash_filelike(BytesIO(content)),
            )
            document.save()
            self._documents[spec["title"]] = document
        return self._documents[spec["title"]]

    def video(self):
        """The one sample LessonVideo, or None when FFmpeg cannot make it."""
        if not self._video_looked_up:
            self._video_looked_up = True
            title = read("catalogue")["video_title"]
            self._video = LessonVideo.objects.filter(title=title).first()
            if self._video is None:
                self._video = self._make_video(title)
        return self._video

    def _make_video(self, title):
        if not ffmpeg_available():
            logger.warning("FFmpeg is not installed: the demo lessons have no video.")
            return None
        with tempfile.TemporaryDirectory(prefix="bsa-demo-video-") as folder:
            path = Path(folder) / "gestes-de-base.mp4"
            try:
                make_sample_video(path, seconds=6)
            except (OSError, subprocess.SubprocessError) as error:
                logger.warning("Could not make the sample video (%s): no video.", error)
                return None
            video = LessonVideo(title=title, uploaded_by=self.owner)
            with path.open("rb") as handle:
                video.original.save("gestes-de-base-demo.mp4", File(handle), save=False)
                video.save()
        queue_transcode(video)  # runs once the transaction has committed
        return video


def _guide_pdf(spec):
    """A one-page PDF guide (WeasyPrint, imported here: it is slow to import)."""
    import weasyprint

    items = "".join(f"<li>{item}</li>" for item in spec["items"])
    html = (
        "<html><head><style>"
        "body{font-family:sans-serif;color:#2b1a22;margin:2cm}"
        "h1{color:#8a1c4a;font-size:22pt}li{margin:0 0 8pt;font-size:12pt}"
        "footer{margin-top:24pt;font-size:9pt;color:#777}"
        "</style></head><body>"
        f"<h1>{spec['heading']}</h1><ul>{items}</ul>"
        "<footer>Beauty Skills Academy</footer></body></html>"
    )
    return weasyprint.HTML(string=html).write_pdf()
