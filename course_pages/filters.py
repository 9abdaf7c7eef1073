"""Catalogue filters: category, level, price, video language, rating and full-text search."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.text import fold
from enrolment.models import CourseRating, Enrolment

from .models import CourseCategory, CoursePage, Level, VideoLanguage

MAX_SEARCH_RESULTS = 200
# Wagtail's search backend nests one query node per word: 150 words overflowed
# Python's recursion limit on PostgreSQL. A real search is a few words.
MAX_SEARCH_LENGTH = 100
MAX_SEARCH_WORDS = 10
PRICE_FREE = "free"
PRICE_PAID = "paid"
SORT_NEWEST = "newest"
SORT_PRICE_LOW = "price"
SORT_PRICE_HIGH = "-price"
SORT_POPULAR = "popular"
SORT_RATING = "rating"
MIN_RATINGS = ("4", "3", "2")


def validate_search(value):
    if len(value) > MAX_SEARCH_LENGTH:
        raise ValidationError(
            _("Shorten your search to %(limit)s characters at most."),
            params={"limit": MAX_SEARCH_LENGTH},
        )
    if len(value.split()) > MAX_SEARCH_WORDS:
        raise ValidationError(
            _("Search with %(limit)s words at most."), params={"limit": MAX_SEARCH_WORDS}
        )


class CourseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        validators=[validate_search],
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Braids, bridal make-up…"),
                "maxlength": MAX_SEARCH_LENGTH,
            }
        ),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=CourseCategory.objects.none(),
        to_field_name="slug",
        empty_label=_("All categories"),
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=Level.choices, empty_label=_("All levels")
    )
    price = django_filters.ChoiceFilter(
        label=_("Price"),
        choices=[
            (PRICE_FREE, pgettext_lazy("price", "Free")),
            (PRICE_PAID, pgettext_lazy("price", "Paid")),
        ],
        method="filter_price",
        empty_label=_("Free and paid"),
    )
    max_price = django_filters.NumberFilter(
        label=_("Maximum price (FCFA)"),
        field_name="price_xaf",
        lookup_expr="lte",
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 500, "min": 0}),
    )
    language = django_filters.ChoiceFilter(
        label=_("Video language"),
        choices=VideoLanguage.choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    min_rating = django_filters.ChoiceFilter(
        label=_("Rating"),
        choices=[(value, _("%(stars)s ★ and more") % {"stars": value}) for value in MIN_RATINGS],
        method="filter_min_rating",
        empty_label=_("Any rating"),
    )

    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            (SORT_NEWEST, _("Newest")),
            (SORT_PRICE_LOW, _("Price: low to high")),
            (SORT_PRICE_HIGH, _("Price: high to low")),
            (SORT_POPULAR, _("Most popular")),
            (SORT_RATING, pgettext_lazy("courses", "Best rated")),
        ],
        method="filter_sort",
        empty_label=_("Best match"),
    )

    class Meta:
        model = CoursePage
        fields = []

    def __init__(self, data=None, *args, locale=None, **kwargs):
        if data is not None and locale is not None:
            data = _category_in_locale(data, locale)
        super().__init__(data, *args, **kwargs)
        categories = CourseCategory.objects.all()
        if locale is not None:
            categories = categories.filter(locale=locale)
        self.filters["category"].queryset = categories

    def filter_price(self, queryset, name, value):
        if value == PRICE_FREE:
            return queryset.filter(price_xaf=0)
        if value == PRICE_PAID:
            return queryset.filter(price_xaf__gt=0)
        return queryset

    def filter_language(self, queryset, name, value):
        # A bilingual course suits both French and English speakers.
        return queryset.filter(video_language__in=[value, VideoLanguage.BOTH])

    def filter_min_rating(self, queryset, name, value):
        # Ratings point at the default-locale course: matched by translation_key.
        rated = CourseRating.objects.filter(average__gte=int(value), count__gt=0)
        return queryset.filter(translation_key__in=rated.values("course__translation_key"))

    def filter_search(self, queryset, name, value):
        # Applied last (see `qs`): Wagtail search returns results, not a queryset.
        return queryset

    def filter_sort(self, queryset, name, value):
        # Applied last (see `qs`): a chosen order replaces the search relevance.
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        # Unbound (no filter asked): no form to build, its rendering may come from the
        # cache (templates/components/search_and_filters.html).
        valid = self.is_bound and self.form.is_valid()
        query = self.form.cleaned_data.get("q", "").strip() if valid else ""
        sort = self.form.cleaned_data.get("sort", "") if valid else ""
        if not query:
            return sort_courses(queryset, sort)
        ranked_ids = search_ranked_ids(queryset, query)
        relevance = Case(
            *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked_ids)],
            output_field=IntegerField(),
        )
        return sort_courses(queryset.filter(pk__in=ranked_ids).order_by(relevance), sort)


def search_ranked_ids(queryset, query):
    """Ids of the matching courses, best first, blind to accents and case: the query is
    folded the way CoursePage.folded_search_text is indexed."""
    return [page.pk for page in queryset.search(fold(query))[:MAX_SEARCH_RESULTS]]


def sort_courses(queryset, sort):
    """The chosen order, or the queryset's own (relevance or title) when none is chosen."""
    if sort == SORT_NEWEST:
        return queryset.order_by("-first_published_at", "title")
    if sort == SORT_PRICE_LOW:
        return queryset.order_by("price_xaf", "title")
    if sort == SORT_PRICE_HIGH:
        return queryset.order_by("-price_xaf", "title")
    if sort == SORT_POPULAR:
        # Enrolments point at the default-locale course: count them by translation_key,
        # so the English catalogue ranks its courses by the same students.
        enrolments = (
            Enrolment.objects.filter(course__translation_key=OuterRef("translation_key"))
            .exclude(status=Enrolment.Status.REVOKED)
            .order_by()
            .values("course__translation_key")
            .annotate(count=Count("pk"))
            .values("count")
        )
        popularity = Coalesce(Subquery(enrolments, output_field=IntegerField()), 0)
        return queryset.annotate(popularity=popularity).order_by("-popularity", "title")
    if sort == SORT_RATING:
        ratings = CourseRating.objects.filter(
            course__translation_key=OuterRef("translation_key"), count__gt=0
        )
        return queryset.annotate(
            sort_average=Subquery(ratings.values("average")[:1]),
            sort_count=Subquery(ratings.values("count")[:1]),
        ).order_by(
            F("sort_average").desc(nulls_last=True), F("sort_count").desc(nulls_last=True), "title"
        )
    return queryset


def _category_in_locale(data, locale):
    """A category slug of another language (kept by the language switcher) becomes the
    slug of the same category in this one."""
    slug = data.get("category")
    if not slug or CourseCategory.objects.filter(locale=locale, slug=slug).exists():
        return data
    source = CourseCategory.objects.filter(slug=slug).first()
    translated = source and source.get_translation_or_none(locale)
    if translated is None:
        return data
    data = data.copy()
    data["category"] = translated.slug
    return data
