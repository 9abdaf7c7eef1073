"""Bilingual news and trends: the news index under each home page and five articles
signed by the demo moderator (demo/content/news.yaml). French first, then the English
translation of every page; loading twice makes nothing new.

Needs the demo people and the home pages (loaders.people, loaders.site) first."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from demo.content import read
from demo.media import COVER, DemoMedia
from demo.pages import french_child, translate
from home.models import HomePage, NewsArticlePage, NewsIndexPage
from home.news_permissions import grant_moderator_news_permissions

from .site import stream_block


def load():
    """Create the news in French and English. Returns the French news index."""
    data = read("news")
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        raise RuntimeError("Load the home pages first (demo.loaders.site.load).")
    author = User.objects.get(email=data["author"])
    index = NewsIndexPage.objects.child_of(home).first() or french_child(
        home,
        NewsIndexPage,
        data["index"]["fr"]["slug"],
        lambda: {**data["index"]["fr"], "show_in_menus": True},
    )
    translate(index, english, lambda: data["index"]["en"])
    media = DemoMedia(owner=author)
    for spec in data["articles"]:
        _article(index, english, spec, author, media)
    grant_moderator_news_permissions()
    return index


def _article(index, english, spec, author, media):
    def build(lang):
        texts = spec[lang]
        return {
            **texts,
            "body": [stream_block(block) for block in texts["body"]],
            "owner": author,
        }

    cover = media.image(spec["cover"], COVER)
    article = french_child(
        index,
        NewsArticlePage,
        spec["slug"],
        lambda: {
            **build("fr"),
            "date": timezone.localdate() - timedelta(days=spec["days_ago"]),
            "topic": spec["topic"],
            "cover_image": cover,
            "author": author,
        },
    )
    translate(article, english, lambda: build("en"))
