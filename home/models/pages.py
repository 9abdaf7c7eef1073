"""The home page and the plain site pages (about, FAQ, terms, privacy)."""

from django.db import models
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import page_cache

from ..blocks import BaseStreamBlock, FeaturedCourseBlock, StepBlock


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_cta_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_courses = StreamField(
        [("course", FeaturedCourseBlock())],
        verbose_name=_("featured courses"),
        blank=True,
        max_num=6,
        help_text=_("Up to six courses, in the order shown. Each shows in the reader's language."),
    )
    how_it_works = StreamField(
        [("step", StepBlock())],
        verbose_name=_("how it works"),
        blank=True,
        max_num=3,
        help_text=_("Three short steps. Left empty, the site shows its own three steps."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_cta_text"),
        FieldPanel("hero_cta_page"),
        FieldPanel("featured_courses"),
        FieldPanel("how_it_works"),
        FieldPanel("body"),
    ]
    # The picks are the same courses in every language: the selector reads the French
    # home's picks and shows each course's English page when it is live in English.
    override_translatable_fields = [SynchronizedField("featured_courses", overridable=False)]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    max_count_per_parent = 2  # one per language under the root

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # deferred: the selectors read other apps' models, not importable while models load
        from ..selectors import home_sections

        # Courses and news are pages below this one (a publish reaches it); the
        # professionals near you come from the directory's search rows.
        page_cache.shows_pages(request, self, tags=["directory"], reads=["town"])
        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(request=request, page=self))
        return context

    def serve(self, request, *args, **kwargs):
        from ..selectors import TOWN_COOKIE, TOWN_COOKIE_MAX_AGE  # deferred: as above

        response = super().serve(request, *args, **kwargs)
        # The professionals shown depend on the town cookie (and on the profile).
        patch_vary_headers(response, ["Cookie"])
        choice = getattr(response, "context_data", {}).get("town_choice")
        if choice is not None and choice.remember:
            response.set_cookie(
                TOWN_COOKIE,
                choice.town.slug,
                max_age=TOWN_COOKIE_MAX_AGE,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


class StandardPage(Page):
    """About, FAQ, Terms, Privacy and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        page_cache.shows_pages(request, self)
        return super().get_context(request, *args, **kwargs)
