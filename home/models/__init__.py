"""The home app's pages (home, standard pages, news) and the site-wide chrome,
re-exported for Django."""

from .chrome import ContactSettings, FooterContent
from .news import NewsArticlePage, NewsIndexPage, Topic, latest_news
from .pages import HomePage, StandardPage

__all__ = [
    "ContactSettings",
    "FooterContent",
    "HomePage",
    "NewsArticlePage",
    "NewsIndexPage",
    "StandardPage",
    "Topic",
    "latest_news",
]
