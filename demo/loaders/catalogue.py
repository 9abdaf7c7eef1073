"""Bilingual demo catalogue: categories, instructors and portfolios, courses with
lessons that use every lesson block, curricula, and the home page's button to the
catalogue. French first, then the English translation of every page.

Needs the demo people and the home pages (loaders.people, loaders.site) first. The
texts live in demo/content/catalogue.yaml, instructors.yaml and courses/."""

from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from accounts.models import User
from course_pages.models import (
    CourseCategory,
    CourseIndexPage,
    CurriculumIndexPage,
    CurriculumPage,
    InstructorIndexPage,
    InstructorPage,
    PortfolioPage,
)
from course_pages.permissions import grant_instructor_permissions
from demo.content import read, tr
from demo.media import PHOTO, PORTRAIT, DemoMedia
from demo.pages import french_child, translate
from home.models import HomePage

from . import courses as course_loader
from .courses import items

INDEX_MODELS = {
    "courses": CourseIndexPage,
    "instructors": InstructorIndexPage,
    "curricula": CurriculumIndexPage,
}


def load():
    """Create the demo catalogue in French and English. Returns the French catalogue."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        raise RuntimeError("Load the home pages first (demo.loaders.site.load).")
    users = _instructor_users()
    media = DemoMedia(owner=users["aicha"])
    categories = _load_categories(french, english)
    indexes = _load_index_pages(home, english)
    instructors = _load_instructors(indexes["instructors"], english, users, media)
    courses = course_loader.load(indexes["courses"], english, categories, instructors, users, media)
    _load_curricula(indexes["curricula"], english, courses, users)
    _link_home_to_catalogue(home, indexes["courses"], english)
    grant_instructor_permissions()
    return indexes["courses"]


def _instructor_users():
    """The instructors' accounts by key (made by loaders.people)."""
    users = {}
    for spec in read("instructors")["instructors"]:
        try:
            users[spec["key"]] = User.objects.get(email=spec["email"])
        except User.DoesNotExist as error:
            raise RuntimeError("Load the demo people first (demo.loaders.people.load).") from error
    return users


def _load_categories(french, english):
    categories = {}
    for order, spec in enumerate(read("catalogue")["categories"], start=1):
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
    for key, spec in read("catalogue")["index_pages"].items():
        model = INDEX_MODELS[key]
        page = model.objects.child_of(home).first()
        if page is None:
            page = french_child(
                home, model, spec["fr"]["slug"], lambda s=spec: _index_fields(s["fr"])
            )
        translate(page, english, lambda s=spec: _index_fields(s["en"]))
        pages[key] = page
    return pages


def _index_fields(texts):
    return {**texts, "show_in_menus": True}


def _load_instructors(index, english, users, media):
    pages = {}
    for spec in read("instructors")["instructors"]:
        user = users[spec["key"]]

        def build(lang, spec=spec, user=user):
            fields = {
                "title": spec["name"],
                "slug": spec["slug"],
                "headline": tr(spec["headline"], lang),
                "bio": tr(spec["bio"], lang),
                "specialities": items(spec["specialities"], lang),
                "owner": user,
            }
            if lang == "fr":
                fields.update(
                    user=user,
                    photo=media.image(spec["photo"], PHOTO),
                    towns=spec["towns"],
                    social_links=[("link", link) for link in spec["social_links"]],
                )
            return fields

        page = InstructorPage.objects.filter(user=user, locale=index.locale).first()
        if page is None:
            page = french_child(index, InstructorPage, spec["slug"], lambda b=build: b("fr"))
        translate(page, english, lambda b=build: b("en"))
        for portfolio in spec["portfolios"]:
            _load_portfolio(page, english, portfolio, user, media)
        pages[spec["key"]] = page
    return pages


def _load_portfolio(instructor, english, spec, user, media):
    def build(lang):
        body = [("paragraph", RichText(tr(spec["text"], lang)))]
        for pair in spec["pairs"]:
            body.append(
                (
                    "before_after",
                    {
                        "before": media.image(pair["before"], PORTRAIT),
                        "after": media.image(pair["after"], PORTRAIT),
                        "caption": tr(pair["caption"], lang),
                    },
                )
            )
        if spec.get("image"):
            image = spec["image"]
            body.append(
                (
                    "image",
                    {"image": media.image(image["image"]), "caption": tr(image["caption"], lang)},
                )
            )
        return {
            "title": tr(spec["title"], lang),
            "slug": slugify(tr(spec["title"], lang)),
            "intro": tr(spec["intro"], lang),
            "body": body,
            "owner": user,
        }

    page = french_child(
        instructor, PortfolioPage, slugify(spec["title"]["fr"]), lambda: build("fr")
    )
    translate(page, english, lambda: build("en"))
    return page


def _load_curricula(index, english, courses, users):
    for spec in read("catalogue")["curricula"]:

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

        page = french_child(
            index, CurriculumPage, slugify(spec["title"]["fr"]), lambda b=build: b("fr")
        )
        translate(page, english, lambda b=build: b("en"))


def _link_home_to_catalogue(home, catalogue, english):
    """The hero button of each home page leads to the catalogue in its language, with
    words that say so (the button of loaders.site invites to sign up)."""
    words = read("catalogue")["hero_button"]
    pairs = [(home, catalogue, words["fr"])]
    home_en = home.get_translation_or_none(english)
    catalogue_en = catalogue.get_translation_or_none(english)
    if home_en is not None and catalogue_en is not None:
        pairs.append((home_en.specific, catalogue_en, words["en"]))
    for page, target, text in pairs:
        if page.hero_cta_page_id != target.pk:
            page.hero_cta_page = target
            page.hero_cta_text = text
            page.save_revision().publish()
