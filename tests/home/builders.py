"""Builders for home page tests: the bilingual catalogue and directory, courses with
covers, the news index and its articles."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageFilter
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from accounts.models import MODERATORS_GROUP
from demo.loaders import site as home_demo
from demo.pages import french_child, translate_page
from demo.sample_media import make_image_bytes
from home.models import NewsArticlePage, NewsIndexPage, Topic
from home.news_permissions import grant_moderator_news_permissions

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..directory.builders import build_directory, make_professional


def build_home_site():
    data = build_site()
    data.update(build_directory())
    _, data["instructor_page"] = make_instructor(
        "aicha@example.cm", index=data["instructors"], title="Aïcha Mbarga"
    )
    return data


def build_site_with_a_course():
    """The home site with one published course, "Tresses africaines" at 15,000 XAF."""
    site = build_home_site()
    site["course"] = course(site, "Tresses africaines", "tresses-africaines", price_xaf=15000)
    return site


def cover(name):
    return get_image_model().objects.create(
        title=name,
        file=ImageFile(ContentFile(make_image_bytes(name, width=320, height=180), f"{name}.jpg")),
    )


def course(site, title, slug, **fields):
    return make_course(site["catalogue"], site["instructor_page"], title=title, slug=slug, **fields)


def build_news_site():
    """French and English home and news index, a moderator who writes, no article yet."""
    home = home_demo.load()
    english = Locale.objects.get(language_code="en")
    index = french_child(
        home,
        NewsIndexPage,
        "actualites",
        lambda: {"title": "Actualités", "intro": "Tendances et conseils du métier."},
    )
    index_en = translate_page(index, english, title="News", slug="news")
    grant_moderator_news_permissions()
    moderator = make_person(
        "mireille@example.cm", first_name="Mireille", last_name="Ngo", groups=[MODERATORS_GROUP]
    )
    return {
        "home": home,
        "home_en": home.get_translation(english),
        "index": index,
        "index_en": index_en,
        "moderator": moderator,
        "en": english,
    }


def make_article(index, number, *, english=None, days_ago=None, **fields):
    """The French article `number` (newer as the number grows), published; with its
    English translation when `english` (the English locale) is given."""
    fields.setdefault("title", f"Article {number:02d}")
    fields.setdefault("slug", f"article-{number:02d}")
    fields.setdefault("intro", f"Ce qu'il faut savoir, numéro {number}.")
    fields.setdefault("topic", Topic.TRENDS)
    days = 1000 - number if days_ago is None else days_ago
    fields.setdefault("date", timezone.localdate() - timedelta(days=days))
    fields.setdefault("body", [("paragraph", RichText(f"<p>Texte de l'article {number}.</p>"))])
    index.refresh_from_db()
    article = index.add_child(instance=NewsArticlePage(**fields))
    if english is not None:
        translate_page(
            article,
            english,
            title=f"Article {number:02d} in English",
            slug=f"article-{number:02d}-en",
            intro=f"What to know, number {number}.",
        )
    return article


def photo(name, *, width=1280, height=720):
    """A photo-like picture: smooth colour with grain, so WebP has real work to do."""
    grain = Image.effect_noise((width // 6, height // 6), 90).resize((width, height))
    grain = grain.filter(ImageFilter.GaussianBlur(1))
    colour = Image.new("RGB", (width, height), (138, 28, 74))
    picture = Image.blend(colour, grain.convert("RGB"), 0.45)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=name, file=ImageFile(ContentFile(buffer.getvalue()), f"{name}.jpg")
    )


def build_phone_pages():
    site = build_home_site()
    courses = [
        course(site, f"Formation {number}", f"formation-{number}", cover_image=photo(f"c{number}"))
        for number in range(8)
    ]
    lesson = make_lesson(
        courses[0],
        body=[("image", {"image": photo("geste"), "caption": "Le geste"})],
        is_preview=True,
    )
    professionals = [
        make_professional(site["index"], f"Pro Tresses {number}", photo=photo(f"p{number}"))
        for number in range(6)
    ]
    return [
        ("home", "/fr/"),
        ("catalogue", site["catalogue"].url),
        ("course", courses[0].url),
        ("lesson", lesson.url),
        ("directory search", site["index"].url + "?q=tresses"),
        ("professional", professionals[0].url),
    ]
