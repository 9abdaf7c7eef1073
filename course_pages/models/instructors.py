"""Instructor profiles and their portfolios of work."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import page_cache
from course_pages.blocks import PortfolioStreamBlock, SocialLinkStream, TextItemStream
from course_pages.cards import card_columns, with_card_images
from course_pages.forms import InstructorPageForm

# Bumped by course_pages.page_cache_links whenever a course is published, withdrawn,
# moved or deleted: pages listing courses by something else than their place in the
# tree (an instructor's page) declare it.
COURSE_TREE_TAG = "course-tree"


class InstructorIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["course_pages.InstructorPage"]
    max_count_per_parent = 1
    template = "pages/instructor_index_page.html"

    class Meta:
        verbose_name = _("instructors index")

    def get_context(self, request, *args, **kwargs):
        page_cache.shows_pages(request, self)
        context = super().get_context(request, *args, **kwargs)
        context["instructors"] = (
            InstructorPage.objects.live().child_of(self).select_related("photo").order_by("title")
        )
        return context


class InstructorPage(Page):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="instructor_pages",
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signature = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A scan or photo of your signature on a white background, "
            "printed on your students' certificates."
        ),
    )
    headline = models.CharField(_("headline"), max_length=120, blank=True)
    bio = RichTextField(_("biography"), features=["bold", "italic", "link", "ul"], blank=True)
    specialities = StreamField(TextItemStream(), verbose_name=_("specialities"), blank=True)
    towns = models.CharField(_("towns"), max_length=200, blank=True)
    social_links = StreamField(SocialLinkStream(), verbose_name=_("social links"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("user"),
        FieldPanel("photo"),
        FieldPanel("signature"),
        FieldPanel("headline"),
        FieldPanel("bio"),
        FieldPanel("specialities"),
        FieldPanel("towns"),
        FieldPanel("social_links"),
    ]
    search_fields = Page.search_fields + [index.SearchField("headline"), index.SearchField("bio")]
    parent_page_types = ["course_pages.InstructorIndexPage"]
    subpage_types = ["course_pages.PortfolioPage"]
    template = "pages/instructor_page.html"
    base_form_class = InstructorPageForm

    class Meta:
        verbose_name = _("instructor page")

    def clean(self):
        super().clean()
        others = InstructorPage.objects.filter(user_id=self.user_id, locale_id=self.locale_id)
        if self.user_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"user": _("This person already has an instructor page.")})

    def get_context(self, request, *args, **kwargs):
        from .catalogue import CoursePage

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = with_card_images(
            card_columns(
                CoursePage.objects.live().filter(
                    locale=self.locale, instructor__translation_key=self.translation_key
                )
            )
        )
        context["portfolios"] = PortfolioPage.objects.live().child_of(self)
        # Her courses sit under the catalogue, not under this page: any course coming,
        # going or moving reaches COURSE_TREE_TAG; a listed one changed in place, its own.
        page_cache.shows_pages(request, self, *context["courses"], tags=[COURSE_TREE_TAG])
        return context


class PortfolioPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(PortfolioStreamBlock(), verbose_name=_("work"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["course_pages.InstructorPage"]
    subpage_types = []
    template = "pages/portfolio_page.html"

    class Meta:
        verbose_name = _("portfolio page")

    def get_context(self, request, *args, **kwargs):
        page_cache.shows_pages(request, self)
        return super().get_context(request, *args, **kwargs)
