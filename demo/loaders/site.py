"""Bilingual site pages: home, about, FAQ, terms, privacy, footer and contact
(demo/content/site.yaml)."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from demo.content import read
from demo.pages import translate_page
from home.models import ContactSettings, FooterContent, HomePage, StandardPage

__all__ = ["load", "translate_page"]  # translate_page: the tests' builders use it too


def load():
    """Create the French site and its English translation. Returns the French home."""
    data = read("site")
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        home = _create_french_home(data)
    home_en = translate_page(home, english, **data["home"]["en"])
    for spec in data["standard_pages"]:
        page = StandardPage.objects.filter(locale=french, slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(slug=spec["slug"], **_page_fields(spec["fr"]))
            )
            page.save_revision().publish()
        translate_page(page, english, **_page_fields(spec["en"]))
    # Reload: the in-memory pages do not know the children added since (numchild).
    _load_footers(
        data["footer_taglines"],
        french,
        english,
        Page.objects.get(pk=home.pk),
        Page.objects.get(pk=home_en.pk),
    )
    ContactSettings.objects.update_or_create(pk=ContactSettings.load().pk, defaults=data["contact"])
    return home


def _page_fields(texts):
    return {**texts, "body": [stream_block(block) for block in texts["body"]]}


def stream_block(block):
    """A StreamField block of a page (standard page, news article) from its
    {kind: value} in the file."""
    ((kind, value),) = block.items()
    if kind == "paragraph":
        return (kind, RichText(value))
    if kind == "question_answer":
        return (kind, {"question": value["question"], "answer": RichText(value["answer"])})
    return (kind, value)


def _create_french_home(data):
    root = Page.get_first_root_node()
    welcome = root.get_children().exclude(content_type__model="homepage").first()
    home = root.add_child(instance=HomePage(**data["home"]["fr"]))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    # Full URLs (sitemap, course JSON-LD) carry the port the site runs on (make run PORT=…).
    port = urlsplit(settings.WAGTAILADMIN_BASE_URL).port or 80
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=data["site_name"],
        )
    else:
        site.root_page = home
        site.site_name = data["site_name"]
        site.port = port
        site.save()
    if welcome is not None:
        welcome.delete()
    return home


def _load_footers(taglines, french, english, home, home_en):
    for locale, tagline, pages in [
        (french, taglines["fr"], home.get_children()),
        (english, taglines["en"], home_en.get_children()),
    ]:
        if FooterContent.objects.filter(locale=locale).exists():
            continue
        source = FooterContent.objects.filter(locale=french).first()
        footer = FooterContent(
            locale=locale,
            tagline=tagline,
            links=[("link", {"label": "", "page": p}) for p in pages.live()],
        )
        if source is not None:
            footer.translation_key = source.translation_key
        footer.save()
