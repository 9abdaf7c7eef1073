"""Learning paths: an ordered list of courses from beginner to advanced."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core import page_cache
from core.page_locales import localize_pages
from course_pages.blocks import CurriculumCourseStream
from course_pages.prerequisites import order_problems
from enrolment import page_context as learning


class CurriculumIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["course_pages.CurriculumPage"]
    max_count_per_parent = 1
    template = "pages/curriculum_index_page.html"

    class Meta:
        verbose_name = _("curricula index")

    def get_context(self, request, *args, **kwargs):
        page_cache.shows_pages(request, self)
        context = super().get_context(request, *args, **kwargs)
        context["curricula"] = CurriculumPage.objects.live().child_of(self)
        return context


class CurriculumPage(Page):
    summary = models.TextField(_("summary"), blank=True)
    courses = StreamField(CurriculumCourseStream(min_num=1), verbose_name=_("courses, in order"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("courses")]
    parent_page_types = ["course_pages.CurriculumIndexPage"]
    subpage_types = []
    template = "pages/curriculum_page.html"

    class Meta:
        verbose_name = _("curriculum")

    def clean(self):
        super().clean()
        ordered = [block.value for block in self.courses if block.value]
        problems = order_problems(ordered)
        if problems:
            raise ValidationError({"courses": " ".join(problems)})
        if not ordered:
            raise ValidationError({"courses": _gettext("Add at least one course.")})

    def course_pages(self):
        return localize_pages([block.value for block in self.courses if block.value], self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course_pages"] = self.course_pages()
        page_cache.shows_pages(request, self, *context["course_pages"])
        # Only for a signed-in reader, whose pages are never cached.
        context["path_progress"] = learning.curriculum_progress(
            user=request.user, courses=context["course_pages"]
        )
        return context
