"""Bilingual demo catalogue: categories, instructors and portfolios, courses with
lessons that use every lesson block, curricula, and the home page's button to the
catalogue. French first, then the English translation of every page.

Needs the demo people and the home pages (accounts.demo, home.demo) first. Safe to
call twice: whatever already exists is kept as it is. The texts live in demo_data.py."""

import logging
import subprocess
import tempfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText
from wagtail.utils.file import hash_filelike

from accounts.models import User
from home.demo import translate_page
from home.models import HomePage

from . import demo_data as data
from .models import (
    CourseCategory,
    CourseIndexPage,
    CoursePage,
    CurriculumIndexPage,
    CurriculumPage,
    InstructorIndexPage,
    InstructorPage,
    LessonPage,
    LessonVideo,
    PortfolioPage,
)
from .permissions import grant_instructor_permissions
from .sample_media import ffmpeg_available, make_image_bytes, make_sample_video
from .video_services import queue_transcode

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Démo"

# Picture sizes (width, height) by use: small enough to make quickly.
COVER = (1200, 675)
PHOTO = (600, 600)
PORTRAIT = (720, 900)
ILLUSTRATION = (800, 600)


def load():
    """Create the demo catalogue in French and English. Returns the French catalogue."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        raise RuntimeError("Load the home pages first (home.demo.load).")
    users = _instructor_users()
    media = DemoMedia(owner=users["aicha"])
    categories = _load_categories(french, english)
    indexes = _load_index_pages(home, english)
    instructors = _load_instructors(indexes["instructors"], english, users, media)
    courses = _load_courses(indexes["courses"], english, categories, instructors, users, media)
    _load_curricula(indexes["curricula"], english, courses, users)
    _link_home_to_catalogue(home, indexes["courses"], english)
    grant_instructor_permissions()
    return indexes["courses"]


# --------------------------------------------------------------------- helpers


def tr(value, lang):
    """The text of a {"fr": ..., "en": ...} pair in `lang`."""
    return value[lang] if isinstance(value, dict) and lang in value else value


def _french_child(parent, model, slug, build):
    """The French page `slug` under `parent`, created and published from build() if new."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = parent.add_child(instance=model(**{**build(), "slug": slug}))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translate(page, locale, build):
    """The published translation of `page` in `locale`, copied and filled from build()
    if missing. The parent must already be translated."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific  # build() is skipped: no English body made for nothing
    return translate_page(page, locale, **build())


def _items(pairs, lang):
    return [("item", tr(pair, lang)) for pair in pairs]


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
        spec = data.DOCUMENTS[key][lang]
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
            self._video = LessonVideo.objects.filter(title=data.VIDEO_TITLE).first()
            if self._video is None:
                self._video = self._make_video()
        return self._video

    def _make_video(self):
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
            video = LessonVideo(title=data.VIDEO_TITLE, uploaded_by=self.owner)
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


# ------------------------------------------------------------------ the data


def _instructor_users():
    """The instructors' accounts by key (made by accounts.demo)."""
    users = {}
    for spec in data.INSTRUCTORS:
        try:
            users[spec["key"]] = User.objects.get(email=spec["email"])
        except User.DoesNotExist as error:
            raise RuntimeError("Load the demo people first (accounts.demo.load).") from error
    return users


def _load_categories(french, english):
    categories = {}
    for order, spec in enumerate(data.CATEGORIES, start=1):
        source = CourseCategory.objects.filter(locale=french, slug=spec["fr"]["slug"]).first()
        if source is None:
            source = CourseCategory.objects.create(locale=french, sort_order=order, **spec["fr"])
        translated = source.get_translation_or_none(english)
        if translated is None:
            translated = source.copy_for_translation(english)
            for name, value in spec["en"].items():
                setattr(translated, name, value)
            translated.save()
        categories[spec["key"]] = {"fr": source, "en": translated}
    return categories


def _load_index_pages(home, english):
    pages = {}
    for key, model in [
        ("courses", CourseIndexPage),
        ("instructors", InstructorIndexPage),
        ("curricula", CurriculumIndexPage),
    ]:
        spec = data.INDEX_PAGES[key]
        page = model.objects.child_of(home).first()
        if page is None:
            page = _french_child(
                home, model, spec["fr"]["slug"], lambda s=spec: _index_fields(s["fr"])
            )
        _translate(page, english, lambda s=spec: _index_fields(s["en"]))
        pages[key] = page
    return pages


def _index_fields(texts):
    return {**texts, "show_in_menus": True}


def _load_instructors(index, english, users, media):
    pages = {}
    for spec in data.INSTRUCTORS:
        user = users[spec["key"]]

        def build(lang, spec=spec, user=user):
            fields = {
                "title": spec["name"],
                "slug": spec["slug"],
                "headline": tr(spec["headline"], lang),
                "bio": tr(spec["bio"], lang),
                "specialities": _items(spec["specialities"], lang),
                "owner": user,
            }
            if lang == "fr":
                fields.update(
                    user=user,
                    photo=media.image(spec["photo"], PHOTO),
                    towns=spec["towns"],
                    social_links=[
                        ("link", {"network": network, "url": url})
                        for network, url in spec["social_links"]
                    ],
                )
            return fields

        page = InstructorPage.objects.filter(user=user, locale=index.locale).first()
        if page is None:
            page = _french_child(index, InstructorPage, spec["slug"], lambda b=build: b("fr"))
        _translate(page, english, lambda b=build: b("en"))
        for portfolio in spec["portfolios"]:
            _load_portfolio(page, english, portfolio, user, media)
        pages[spec["key"]] = page
    return pages


def _load_portfolio(instructor, english, spec, user, media):
    def build(lang):
        body = [("paragraph", RichText(tr(spec["text"], lang)))]
        for before, after, caption in spec["pairs"]:
            body.append(
                (
                    "before_after",
                    {
                        "before": media.image(before, PORTRAIT),
                        "after": media.image(after, PORTRAIT),
                        "caption": tr(caption, lang),
                    },
                )
            )
        if spec.get("image"):
            title, caption = spec["image"]
            body.append(("image", {"image": media.image(title), "caption": tr(caption, lang)}))
        return {
            "title": tr(spec["title"], lang),
            "slug": slugify(tr(spec["title"], lang)),
            "intro": tr(spec["intro"], lang),
            "body": body,
            "owner": user,
        }

    page = _french_child(
        instructor, PortfolioPage, slugify(spec["title"]["fr"]), lambda: build("fr")
    )
    _translate(page, english, lambda: build("en"))
    return page


def _load_courses(index, english, categories, instructors, users, media):
    courses = {}
    for spec in data.COURSES:
        owner = users[spec["instructor"]]

        def build(lang, spec=spec, owner=owner):
            fields = {
                "title": tr(spec["title"], lang),
                "slug": slugify(tr(spec["title"], lang)),
                "summary": tr(spec["summary"], lang),
                "category": categories[spec["category"]][lang],
                "learning_outcomes": _items(spec["outcomes"], lang),
                "kit_list": _items(spec["kit"], lang),
                "owner": owner,
            }
            if lang == "fr":
                # The English copy keeps these, as wagtail-localize does: the instructor
                # and the prerequisites stay the French pages (shown localised).
                fields.update(
                    cover_image=media.image(spec["cover"], COVER),
                    level=spec["level"],
                    video_language=spec["video_language"],
                    estimated_hours=Decimal(spec["hours"]),
                    price_xaf=spec["price"],
                    included_in_subscription=spec["subscription"],
                    instructor=instructors[spec["instructor"]],
                    prerequisites=[("course", courses[key]) for key in spec["prerequisites"]],
                )
            return fields

        course = _french_child(
            index, CoursePage, slugify(spec["title"]["fr"]), lambda b=build: b("fr")
        )
        _translate(course, english, lambda b=build: b("en"))
        for position, lesson in enumerate(spec["lessons"]):
            _load_lesson(course, english, lesson, position == 0, owner, media)
        courses[spec["key"]] = course
    return courses


def _load_lesson(course, english, spec, is_preview, owner, media):
    def build(lang):
        return {
            "title": tr(spec["title"], lang),
            "slug": slugify(tr(spec["title"], lang)),
            "summary": tr(spec["summary"], lang),
            "duration_minutes": spec["minutes"],
            "is_preview": is_preview,
            "body": lesson_body(spec["body"], lang, media),
            "owner": owner,
        }

    page = _french_child(course, LessonPage, slugify(spec["title"]["fr"]), lambda: build("fr"))
    _translate(page, english, lambda: build("en"))
    return page


def lesson_body(blocks, lang, media):
    """StreamField value of a lesson, in `lang`, from the block list of demo_data."""
    body = []
    for kind, value in blocks:
        if kind == "heading":
            body.append(("heading", tr(value, lang)))
        elif kind == "paragraph":
            body.append(("paragraph", RichText(tr(value, lang))))
        elif kind == "video":
            video = media.video()
            if video is not None:
                body.append(("video", {"video": video, "caption": tr(value["caption"], lang)}))
        elif kind == "guide":
            body.append(
                (
                    "guide",
                    {
                        "document": media.document(value["document"], lang),
                        "title": tr(value["title"], lang),
                    },
                )
            )
        elif kind == "gallery":
            images = [
                ("image", {"image": media.image(title), "caption": tr(caption, lang)})
                for title, caption in value["images"]
            ]
            body.append(("gallery", {"title": tr(value["title"], lang), "images": images}))
        elif kind == "steps":
            steps = [
                (
                    "step",
                    {"text": tr(text, lang), "image": media.image(image) if image else None},
                )
                for text, image in value["steps"]
            ]
            body.append(("steps", {"title": tr(value["title"], lang), "steps": steps}))
        elif kind == "quiz":
            body.append(("quiz", _quiz_value(value, lang)))
        elif kind == "assignment":
            body.append(
                (
                    "assignment",
                    {
                        "title": tr(value["title"], lang),
                        "instructions": RichText(tr(value["instructions"], lang)),
                        "rubric": [
                            (
                                "criterion",
                                {"name": tr(name, lang), "description": tr(description, lang)},
                            )
                            for name, description in value["rubric"]
                        ],
                        "photos_required": value["photos_required"],
                    },
                )
            )
        else:
            raise ValueError(f"Unknown demo lesson block: {kind}")
    return body


def _quiz_value(value, lang):
    questions = [
        (
            "question",
            {
                "text": tr(question["text"], lang),
                "kind": question["kind"],
                "choices": [
                    ("choice", {"text": tr(text, lang), "is_correct": is_correct})
                    for text, is_correct in question["choices"]
                ],
                "explanation": tr(question["explanation"], lang),
            },
        )
        for question in value["questions"]
    ]
    return {
        "title": tr(value["title"], lang),
        "pass_mark": value["pass_mark"],
        "max_attempts_per_day": value["max_attempts_per_day"],
        "questions": questions,
    }


def _load_curricula(index, english, courses, users):
    for spec in data.CURRICULA:

        def build(lang, spec=spec):
            fields = {
                "title": tr(spec["title"], lang),
                "slug": slugify(tr(spec["title"], lang)),
                "summary": tr(spec["summary"], lang),
                "owner": users[spec["owner"]],
            }
            if lang == "fr":
                # The English copy keeps the French course pages, shown localised.
                fields["courses"] = [("course", courses[key]) for key in spec["courses"]]
            return fields

        page = _french_child(
            index, CurriculumPage, slugify(spec["title"]["fr"]), lambda b=build: b("fr")
        )
        _translate(page, english, lambda b=build: b("en"))


def _link_home_to_catalogue(home, catalogue, english):
    """The hero button of each home page leads to the catalogue in its language, with
    words that say so (the button of home.demo invites to sign up)."""
    pairs = [(home, catalogue, data.HERO_BUTTON["fr"])]
    home_en = home.get_translation_or_none(english)
    catalogue_en = catalogue.get_translation_or_none(english)
    if home_en is not None and catalogue_en is not None:
        pairs.append((home_en.specific, catalogue_en, data.HERO_BUTTON["en"]))
    for page, target, text in pairs:
        if page.hero_cta_page_id != target.pk:
            page.hero_cta_page = target
            page.hero_cta_text = text
            page.save_revision().publish()
