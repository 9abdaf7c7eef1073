"""The catalogue: CourseIndexPage → CoursePage → LessonPage."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from core import cache_tags, page_cache
from core.cache_tags import page_tag
from core.page_locales import canonical, localize_pages
from core.text import fold
from course_pages import page_cache_hits
from course_pages.adaptive_rules import rule_problems
from course_pages.blocks import (
    FinalAssessmentStream,
    LessonStreamBlock,
    PrerequisiteStream,
    TextItemStream,
)
from course_pages.cards import card_columns, card_key, cards_key, with_card_images, with_ratings
from course_pages.catalogue_listing import kept_page, unfiltered_page_number
from course_pages.forms import CoursePageForm
from course_pages.lesson_body import body_parts
from course_pages.offline import offline_copy
from course_pages.prerequisites import find_prerequisite_cycle
from enrolment import access
from enrolment import page_context as learning
from enrolment.lesson_rows import lesson_rows, record_visit, rows_tags
from enrolment.offline import offline_session_id
from enrolment.recommendations import also_taken, also_taken_tag
from enrolment.selectors import UNREAD

CARDS_PER_PAGE = 12
# A course's live lessons are kept at most this long (CoursePage.lessons); its page
# tag's version makes a change below it show at once.
LESSONS_SECONDS = 300
# The query parameters the catalogue reads (its filters and the page number).
CATALOGUE_PARAMS = (
    "q", "category", "level", "price", "max_price", "language", "min_rating", "sort", "page",
)  # fmt: skip


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class VideoLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "fr-en", _("French and English")


class CertificateDesign(models.TextChoices):
    """The PDF designs a course's certificate can use (templates/certificates/pdf/)."""

    CLASSIC = "classic", _("Classic: gold frame, serif letters")
    MODERN = "modern", _("Modern: plum band, clean letters")
    MINIMAL = "minimal", _("Minimal: white page, fine lines")


class CourseIndexPage(Page):
    """The public catalogue: filters, search and paginated course cards."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["course_pages.CoursePage"]
    max_count_per_parent = 1
    template = "pages/course_index_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from course_pages.filters import CourseFilter  # it imports these models

        # New, moved or withdrawn courses are pages below this one: their tree change
        # reaches its tag; a listed course changed in place reaches its own.
        page_cache.shows_pages(request, self, reads=CATALOGUE_PARAMS)
        context = super().get_context(request, *args, **kwargs)
        number = unfiltered_page_number(request.GET)
        kept = None
        if number is not None:
            kept = kept_page(
                self, number=number, read_courses=self._listed_courses, per_page=CARDS_PER_PAGE
            )
        if kept is not None:
            # Only its form is drawn: its results are the kept page.
            course_filter = CourseFilter(
                request.GET or None, queryset=CoursePage.objects.none(), locale=self.locale
            )
            page_of_courses, ids, listed_cards = kept.page, kept.ids, kept.cards_key
        else:
            course_filter = CourseFilter(
                request.GET or None, queryset=self._listed_courses(), locale=self.locale
            )
            paginator = Paginator(course_filter.qs, CARDS_PER_PAGE)
            try:
                page_of_courses = paginator.page(request.GET.get("page", 1))
            except (PageNotAnInteger, EmptyPage):
                page_of_courses = paginator.page(1)
                page_cache.skip(request)
            ids = [course.pk for course in page_of_courses.object_list]
            listed_cards = cards_key(card_key(course) for course in page_of_courses.object_list)
        page_cache.shows_pages(request, *ids)
        context.update(
            filter=course_filter,
            courses=page_of_courses,
            cards_key=listed_cards,
            query_string=_query_string_without_page(request),
            untranslated_count=self._untranslated_count(),
        )
        return context

    def _listed_courses(self):
        """The live public courses with what their cards read, by title (public() reads
        the view restrictions at once: called only when the courses are read)."""
        return with_ratings(
            with_card_images(
                card_columns(CoursePage.objects.live().public().child_of(self)).order_by("title")
            )
        )

    def _untranslated_count(self):
        """Courses live in the source language that have no live version in this one."""
        # By its code: the page's locale is already read for the filters, the default
        # one would cost a query on every view of the French catalogue.
        if self.locale.language_code == get_supported_content_language_variant(
            settings.LANGUAGE_CODE
        ):
            return 0
        source = self.get_translation_or_none(Locale.get_default())
        if source is None:
            return 0
        translated = CoursePage.objects.live().filter(locale=self.locale).values("translation_key")
        return (
            CoursePage.objects.live()
            .child_of(source)
            .exclude(translation_key__in=translated)
            .count()
        )


def _query_string_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


class CoursePage(Page):
    summary = models.TextField(_("summary"), max_length=400)
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        "course_pages.CourseCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    level = models.CharField(_("level"), max_length=12, choices=Level, default=Level.BEGINNER)
    video_language = models.CharField(
        _("language of the videos"),
        max_length=5,
        choices=VideoLanguage,
        default=VideoLanguage.FRENCH,
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=4, decimal_places=1, default=1
    )
    price_xaf = models.PositiveIntegerField(
        _("price (FCFA)"), default=0, help_text=_("Whole francs CFA; 0 means free.")
    )
    included_in_subscription = models.BooleanField(_("included in the subscription"), default=False)
    instructor = models.ForeignKey(
        "course_pages.InstructorPage",
        verbose_name=_("instructor"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    prerequisites = StreamField(PrerequisiteStream(), verbose_name=_("prerequisites"), blank=True)
    learning_outcomes = StreamField(
        TextItemStream(), verbose_name=_("what you will learn"), blank=True
    )
    kit_list = StreamField(TextItemStream(), verbose_name=_("what to bring"), blank=True)
    certificate_template = models.CharField(
        _("certificate design"),
        max_length=10,
        choices=CertificateDesign,
        default=CertificateDesign.CLASSIC,
        # Blank is allowed (and printed as the classic design) so forms that predate
        # the field still validate.
        blank=True,
        help_text=_("The PDF certificate students receive when they complete the course."),
    )
    final_assessment = StreamField(
        FinalAssessmentStream(max_num=1),
        verbose_name=_("final assessment"),
        blank=True,
        help_text=_(
            "When set, the certificate is issued only once the student passes it, and "
            "states “assessed” with a grade."
        ),
    )

    base_form_class = CoursePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("level"),
                FieldPanel("video_language"),
                FieldPanel("estimated_hours"),
                FieldPanel("instructor"),
            ],
            heading=_("About the course"),
        ),
        MultiFieldPanel(
            [FieldPanel("price_xaf"), FieldPanel("included_in_subscription")],
            heading=_("Price"),
        ),
        FieldPanel("prerequisites"),
        FieldPanel("learning_outcomes"),
        FieldPanel("kit_list"),
        FieldPanel("certificate_template"),
        FieldPanel("final_assessment"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("folded_search_text"),
        index.FilterField("category"),
        index.FilterField("level"),
        index.FilterField("price_xaf"),
        index.FilterField("video_language"),
    ]
    parent_page_types = ["course_pages.CourseIndexPage"]
    subpage_types = ["course_pages.LessonPage"]
    template = "pages/course_page.html"
    # Read with the page when its route is remembered (core.page_routes): every view
    # shows them.
    ROUTE_SELECT_RELATED = ("category", "cover_image")

    class Meta:
        verbose_name = _("course")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price_xaf__gte=0), name="course_price_not_negative"
            )
        ]

    @property
    def is_free(self):
        return self.price_xaf == 0

    def folded_search_text(self):
        """Title, summary and outcomes without accents or case, indexed beside the
        originals so a folded query ("mariee") finds "Mariée" on SQLite and PostgreSQL."""
        outcomes = [str(block.value) for block in self.learning_outcomes]
        return fold(" ".join([self.title, self.summary, *outcomes]))

    def clean(self):
        super().clean()
        cycle = find_prerequisite_cycle(self)
        if cycle:
            raise ValidationError(
                {
                    "prerequisites": _(
                        "These prerequisites go round in a circle: %(path)s. Remove one of them."
                    )
                    % {"path": " → ".join(cycle)}
                }
            )

    @cached_property
    def lessons(self):
        """The live lessons in order, kept under the version of this page's tag: a
        lesson published, unpublished, moved or deleted below it makes them stale."""
        if self.pk is None:
            return self._read_lessons()
        tag = page_tag(self)
        version = cache_tags.current_versions([tag])[tag]
        return cache.get_or_set(
            f"course-lessons:{self.pk}:{self.path}:{version}", self._read_lessons, LESSONS_SECONDS
        )

    def _read_lessons(self):
        return list(
            LessonPage.objects.live()
            .child_of(self)
            .only(
                "id",
                "title",
                "url_path",
                "slug",
                "path",
                "depth",
                "locale_id",
                "translation_key",
                "duration_minutes",
                "is_preview",
                "is_required",
            )
        )

    def instructor_in_its_language(self):
        """The instructor's page in this course's language (with its photo), kept under
        the version of the instructor's page tag: a publish of it in any language, or
        its move or deletion, makes it stale."""
        tag = page_tag(self.instructor_id)
        version = cache_tags.current_versions([tag])[tag]
        return cache.get_or_set(
            f"course-instructor:{self.instructor_id}:{self.locale_id}:{version}",
            self._read_instructor,
            LESSONS_SECONDS,
        )

    def _read_instructor(self):
        instructors = self._meta.get_field("instructor").related_model.objects
        instructor = instructors.select_related("photo").get(pk=self.instructor_id)
        return localize_pages([instructor], self.locale)[0]

    def prerequisite_pages(self):
        return localize_pages(
            [block.value for block in self.prerequisites if block.value], self.locale
        )

    def get_context(self, request, *args, **kwargs):
        # Lessons are pages below this one; the instructor's and prerequisites' own.
        course_id = canonical(self).pk
        page_cache.shows_pages(
            request, self, self.instructor_id, hit=(page_cache_hits.COURSE_VIEW, course_id)
        )
        if not getattr(request, "is_preview", False):
            page_cache_hits.course_hit(request, course_id)
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons
        context["total_minutes"] = sum(lesson.duration_minutes for lesson in self.lessons)
        context["prerequisite_courses"] = self.prerequisite_pages()
        page_cache.shows_pages(request, *context["prerequisite_courses"])
        context["instructor_page"] = self.instructor_in_its_language()
        context["learning"] = learning.course_context(user=request.user, course=self)
        context["ratings"] = learning.reviews_context(user=request.user, course=self)
        # The same for every anonymous reader; the nightly build bumps the tag on change.
        context["also_taken"] = also_taken(user=request.user, course=self, course_id=course_id)
        page_cache.shows_pages(request, *context["also_taken"], tags=[also_taken_tag(course_id)])
        context["missing_prerequisites"] = learning.missing_prerequisites_context(
            user=request.user, course=self
        )
        if context["learning"]["enrolment"] is not None:
            # The "Save the whole course" box: its sizes come from the course manifest.
            context["offline_session"] = offline_session_id(request)
        return context


def kept_course(lesson):
    """The lesson's course with its live lessons, for the lesson page, kept under the
    page-tree version: both change only when a page is published, unpublished, moved
    or deleted (a view restriction changed bumps it too), and every lesson view read
    the course from the database again."""
    path = lesson.path[: (lesson.depth - 1) * lesson.steplen]

    def read():
        # With its instructor: the access check asks whether the reader teaches it.
        course = CoursePage.objects.select_related("instructor").get(path=path)
        course.lessons  # noqa: B018  (kept with it, read under the same version)
        return course

    return cache_tags.kept_until_stale(
        cache_tags.PAGE_TREE, f"lesson-course:{path}", read, LESSONS_SECONDS
    )


class LessonPage(Page):
    summary = models.TextField(_("summary"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=10)
    is_preview = models.BooleanField(
        _("free preview"),
        default=False,
        help_text=_("Anyone may open this lesson without enrolling."),
    )
    is_required = models.BooleanField(_("required to complete the course"), default=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("is_preview"),
        FieldPanel("is_required"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["course_pages.CoursePage"]
    subpage_types = []
    template = "pages/lesson_page.html"
    # Its row kept with its route (core/page_routes.py): students open lessons all day,
    # editors save pages now and then, and any save makes the routes new.
    ROUTE_KEEPS_PAGE = True

    class Meta:
        verbose_name = _("lesson")

    def clean(self):
        super().clean()
        if not self.path:  # not placed in a course yet: checked on its next save
            return
        siblings = LessonPage.objects.sibling_of(self, inclusive=False)
        problems = rule_problems(self, list(siblings))
        if problems:
            raise ValidationError({"body": " ".join(problems)})

    @cached_property
    def course(self):
        if not self.depth:
            return None
        # The parent's tree path is this page's minus its last step: one query, not two.
        return CoursePage.objects.get(path=self.path[: (self.depth - 1) * self.steplen])

    def serve(self, request, *args, **kwargs):
        # The versions her rows and the kept course are read under, in one round trip.
        if request.user.is_authenticated:
            cache_tags.current_versions([*rows_tags(request.user), cache_tags.PAGE_TREE])
        if self.depth:  # placed in a course (a new lesson's preview too)
            self.course = kept_course(self)
        # Her rows (enrolment, progress, work), read once for the access check, the
        # visit and the learning controls.
        self.reader_rows = lesson_rows(user=request.user, lesson=self)
        enrolment = self.reader_rows.enrolment if self.reader_rows is not None else None
        decision = access.lesson_access(request.user, self, enrolment=enrolment)
        if not decision.allowed:
            return access.refuse_lesson(request, self, decision)
        record_visit(user=request.user, lesson=self, rows=self.reader_rows)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = self.course.lessons
        index_here = next((i for i, s in enumerate(siblings) if s.pk == self.pk), None)
        context["course"] = self.course
        context["lessons"] = siblings
        context["learning"] = learning.lesson_context(
            user=request.user,
            lesson=self,
            # Read by serve(); a preview in the editor reads it here.
            rows=getattr(self, "reader_rows", UNREAD),
        )
        if context["learning"]["enrolment"] is not None:
            # Only her own enrolment lets a student keep a lesson on the phone.
            context["offline_copy"] = offline_copy(self, request)
            context["offline_session"] = offline_session_id(request)
        context["body_parts"] = body_parts(self)
        if not getattr(request, "is_preview", False):
            # What the shared fragments are kept under (pages/lesson_page.html): a publish,
            # unpublish, move or deletion anywhere (a linked page's URL, a sibling's
            # title), a view restriction or a site-wide change makes new ones. Never in
            # a preview, whose draft must neither be kept nor be served the live copy.
            context["kept_version"] = cache_tags.version_string(
                [cache_tags.ALL, cache_tags.PAGE_TREE]
            )
            # The lessons list shows her ticks and, enrolled, links: its fragment is kept
            # per lesson, per enrolled or not and per ticks, so it holds nothing of hers.
            done = context["learning"].get("done_keys", ())
            context["ticks"] = "".join("1" if s.translation_key in done else "0" for s in siblings)
        if index_here is not None:
            context["lesson_number"] = index_here + 1
            context["previous_lesson"] = siblings[index_here - 1] if index_here > 0 else None
            context["next_lesson"] = (
                siblings[index_here + 1] if index_here + 1 < len(siblings) else None
            )
        return context
