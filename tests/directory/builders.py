"""Builders for directory tests: the bilingual directory and professionals made the way
the site makes them (French page first, published, English translation)."""

from wagtail.models import Locale

from demo.loaders import site as home_demo
from directory.models import (
    ProfessionalIndexPage,
    ProfessionalPage,
    Service,
    ServiceCategory,
    SpokenLanguage,
    Town,
)
from directory.services import sync_listing

from ..conftest import make_person


def build_directory():
    home = home_demo.load()
    french = Locale.objects.get(language_code="fr")
    english = Locale.objects.get(language_code="en")
    index = ProfessionalIndexPage.objects.filter(locale=french).first()
    if index is None:
        index = ProfessionalIndexPage(title="Professionnelles", slug="professionnelles")
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
    index_en = home_demo.translate_page(index, english, title="Professionals", slug="professionals")
    return {"fr": french, "en": english, "index": index, "index_en": index_en}


def make_professional(
    index,
    title,
    *,
    user=None,
    town="douala",
    live=True,
    services=(),
    categories=(),
    languages=("fr",),
    translate=True,
    **fields,
):
    """A published French profile (+ English copy) with services [(category, price), ...]."""
    user = user or make_person(f"{title.lower().replace(' ', '.')}@example.cm")
    index.refresh_from_db()
    page = ProfessionalPage(
        title=title, user=user, town=Town.objects.get(slug=town), live=live, **fields
    )
    index.add_child(instance=page)
    page.specialities.set(ServiceCategory.objects.filter(slug__in=categories))
    page.languages.set(SpokenLanguage.objects.filter(code__in=languages))
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    for category, price in services:
        Service.objects.create(
            professional=page,
            category=ServiceCategory.objects.get(slug=category),
            name_fr=f"Prestation {category}",
            name_en=f"{category} service",
            duration_minutes=60,
            price_xaf=price,
            deposit_value=min(price, 2000),
        )
    if translate and live:
        english = Locale.objects.get(language_code="en")
        home_demo.translate_page(page, english, title=title, bio=fields.get("bio", ""))
    sync_listing(professional=page)
    return page
