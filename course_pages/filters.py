"""Catalogue filters: category, level, price, video language and full-text search."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import CourseCategory, CoursePage, Level, VideoLanguage

MAX_SEARCH_RESULTS = 200
# Wagtail's search backend nests one query node per word: 150 words overflowed
# Python's recursion limit on PostgreSQL. A real search is a few words.
MAX_SEARCH_LENGTH = 100
MAX_SEARCH_WORDS = 10
PRICE_FREE = "free"
PRICE_PAID = "paid"


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

    class Meta:
        model = CoursePage
        fields = []

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
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

    def filter_search(self, queryset, name, value):
        # Applied last (see `qs`): Wagtail search returns results, not a queryset.
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        query = self.form.cleaned_data.get("q", "").strip() if self.form.is_valid() else ""
        if not query:
            return queryset
        ranked_ids = [page.pk for page in queryset.search(query)[:MAX_SEARCH_RESULTS]]
        relevance = Case(
            *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked_ids)],
            output_field=IntegerField(),
        )
        return queryset.filter(pk__in=ranked_ids).order_by(relevance)
