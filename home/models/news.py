"""News and trends: one news index per language and its articles, written by moderators
in French first and translated to English with wagtail-localize."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core import page_cache
from core.public_pages import public

from ..blocks import BaseStreamBlock
from ..feeds import NewsFeed
from ..forms import NewsArticlePageForm

ARTICLES_PER_PAGE = 12
LATEST_ON_HOME = 3
ARTICLES_IN_FEED = 20
# The index answers this address itself (its RSS feed): no article may take it.
FEED_SLUG = "feed"
# The renditions templates/components/news/card.html and the article page ask for.
CARD_IMAGES = ("fill-360x202|format-webp", "fill-720x405|format-webp")


class Topic(models.TextChoices):
    TRENDS = "trends", _("Trends")
    PRODUCTS = "products", _("Products")
    BUSINESS = "business", _("Business")
    WELL_BEING = "well-being", _("Well-being")
    ACADEMY = "academy", _("Academy news")


class NewsArticleQuerySet(PageQuerySet):
    def cards(self, *, renditions=True):
        """Live, public articles, newest first, with their cover renditions: a list of
        cards in a fixed number of queries however many there are. Without renditions
        for a page that reads every card's at once (core/renditions.py)."""
        cards = public(self.live()).select_related("cover_image").order_by("-date", "-pk")
        if not renditions:
            return cards
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_IMAGES)
        )
        return cards.prefetch_related(
            # Where Wagtail's prefetch_renditions() puts them, in one query.
            Prefetch(
                "cover_image__renditions",
                queryset=renditions,
                to_attr="prefetched_renditions",
            )
        )


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of one language: newest first, by topic, twelve a page, and an RSS feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsArticlePage"]
    max_count_per_parent = 1
    template = "pages/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        # The articles are pages below this one: their publish reaches its tag.
        page_cache.shows_pages(request, self, reads=["topic", "page"])
        context = super().get_context(request, *args, **kwargs)
        asked = request.GET.get("topic", "")
        # An unknown topic shows every article (with a note), never an error.
        topic = asked if asked in Topic.values else ""
        articles = NewsArticlePage.objects.child_of(self).cards()
        if topic:
            articles = articles.filter(topic=topic)
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        try:
            page_of_articles = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_of_articles = paginator.page(1)
            page_cache.skip(request)
        if asked and not topic:
            page_cache.skip(request)
        context.update(
            articles=page_of_articles,
            topics=Topic.choices,
            topic=topic,
            unknown_topic=bool(asked) and not topic,
            query_string=f"topic={topic}" if topic else "",
            feed_url=self.feed_url(request),
        )
        return context

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def feed_items(self):
        return list(
            public(NewsArticlePage.objects.child_of(self).live())
            .select_related("author")
            .order_by("-date", "-pk")[:ARTICLES_IN_FEED]
        )

    @path(f"{FEED_SLUG}/", name="feed")
    def feed(self, request):
        return NewsFeed()(request, index=self)


class NewsArticlePage(Page):
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date readers see; the newest articles come first."),
    )
    intro = models.CharField(
        _("introduction"),
        max_length=250,
        help_text=_("One or two sentences for the cards, the home page and the feed."),
    )
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=12, choices=Topic, default=Topic.TRENDS)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The moderator who signs the article."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(NewsArticleQuerySet)()
    base_form_class = NewsArticlePageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro", widget=forms.Textarea(attrs={"rows": 3, "maxlength": 250})),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("topic"), FieldPanel("author")],
            heading=_("About the article"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("topic"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "pages/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_context(self, request, *args, **kwargs):
        page_cache.shows_pages(request, self)
        return super().get_context(request, *args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug == FEED_SLUG:
            raise ValidationError(
                {"slug": _("This address is the news feed's: choose another one.")}
            )

    @property
    def author_name(self):
        """The byline: the moderator's name, or the academy when nobody signs."""
        if self.author is not None and self.author.get_full_name():
            return self.author.get_full_name()
        return _("The Beauty Skills Academy team")


def latest_news(*, locale, renditions=True):
    """The home page's news section: the index and the newest articles of a language
    (one query when the language has no news index yet)."""
    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return {"news_index": None, "latest_news": []}
    articles = NewsArticlePage.objects.child_of(index).cards(renditions=renditions)[:LATEST_ON_HOME]
    return {"news_index": index, "latest_news": list(articles)}
