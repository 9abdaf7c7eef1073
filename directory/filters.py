"""Directory search: full-text `q`, filters and sort over the flat search table.

PostgreSQL searches a GIN-indexed tsvector (prefix matching, ranked); SQLite, used
in development and tests, falls back to one ``icontains`` per word on the same text."""

import datetime
import re

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceIterator

from accounts.regions import Region
from core.text import fold

from . import extensions
from .models import ServiceCategory, SpokenLanguage, Town
from .names import towns

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
MAX_PRICE_XAF = 10_000_000
# No professional takes bookings further ahead (booking horizons stop at 365 days).
AVAILABILITY_DAYS = datetime.timedelta(days=2 * 366)


class Sort:
    RELEVANCE = "relevance"
    RATING = "rating"
    PRICE = "price"
    DISTANCE = "distance"
    CHOICES = [
        (RELEVANCE, _("Best match")),
        (RATING, _("Best rated")),
        (PRICE, _("Lowest price")),
        (DISTANCE, _("Nearest to your town")),
    ]


class _SharedRows(ModelChoiceIterator):
    """Choices from rows read at most once for the whole form."""

    def __init__(self, field, rows):
        super().__init__(field)
        self.rows = rows

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.rows():
            yield self.choice(row)

    def __len__(self):
        return len(self.rows()) + (self.field.empty_label is not None)


class DirectoryFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "Town" and "Your town" list the same towns: one read for both selects.
        towns = {}

        def town_rows():
            if "rows" not in towns:
                towns["rows"] = list(self.fields["town"].queryset)
            return towns["rows"]

        for name in ("town", "near"):
            field = self.fields[name]
            field.iterator = lambda field: _SharedRows(field, town_rows)
            # The select was handed its choices when the field was made: hand the new ones.
            field.widget.choices = field.choices

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            # Someone typed the bounds the wrong way round: read them the right way.
            cleaned["price_min"], cleaned["price_max"] = high, low
        if cleaned.get("sort") == Sort.DISTANCE and not cleaned.get("near"):
            self.add_error("near", _("Choose your town to sort by distance."))
        if cleaned.get("comes_to_me") and not cleaned.get("near"):
            self.add_error("near", _("Choose your town to see who comes to you."))
        day = cleaned.get("available_on")
        if day is not None and day < timezone.localdate():
            self.add_error("available_on", _("Choose a day from today on."))
        elif day is not None and day > timezone.localdate() + AVAILABILITY_DAYS:
            self.add_error("available_on", _("Choose a day within the next two years."))
        return cleaned


def _number_input(step):
    return forms.NumberInput(attrs={"inputmode": "numeric", "step": step, "min": 0})


class ProfessionalFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_nothing",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Bridal make-up, knotless braids…")}
        ),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Service"),
        method="filter_category",
        queryset=ServiceCategory.objects.all(),
        to_field_name="slug",
        empty_label=_("All services"),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, empty_label=_("All regions")
    )
    town = django_filters.ModelChoiceFilter(
        label=_("Town"),
        queryset=Town.objects.all(),
        to_field_name="slug",
        empty_label=_("All towns"),
    )
    near = django_filters.ModelChoiceFilter(
        label=_("Your town"),
        queryset=Town.objects.all(),
        to_field_name="slug",
        method="filter_near",
        empty_label=_("—"),
    )
    comes_to_me = django_filters.BooleanFilter(
        label=_("Works in or travels to my town"),
        method="filter_nothing",
        widget=forms.CheckboxInput,
    )
    price_min = django_filters.NumberFilter(
        label=_("Price from (FCFA)"),
        method="filter_price_min",
        min_value=0,
        max_value=MAX_PRICE_XAF,
        widget=_number_input(1000),
    )
    price_max = django_filters.NumberFilter(
        label=_("Price up to (FCFA)"),
        method="filter_price_max",
        min_value=0,
        max_value=MAX_PRICE_XAF,
        widget=_number_input(1000),
    )
    min_rating = django_filters.ChoiceFilter(
        label=_("Rating"),
        choices=[(str(n), _("%(stars)s★ and more") % {"stars": n}) for n in (4, 3, 2)],
        method="filter_min_rating",
        empty_label=_("Any rating"),
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Speaks"),
        queryset=SpokenLanguage.objects.all(),
        to_field_name="code",
        method="filter_language",
        empty_label=_("Any language"),
    )
    certified = django_filters.BooleanFilter(
        label=_("Certified by the academy only"),
        method="filter_certified",
        widget=forms.CheckboxInput,
    )
    available_on = django_filters.DateFilter(
        label=_("Available on"),
        method="filter_available_on",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=Sort.CHOICES,
        method="filter_nothing",
        empty_label=None,
    )

    class Meta:
        form = DirectoryFilterForm
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.availability = extensions.availability_filter()
        if self.availability is None:
            del self.filters["available_on"]

    def filter_nothing(self, queryset, name, value):
        # Search, "near", "comes to me" and sort need each other: applied together in `qs`.
        return queryset

    # The model each value is (its slug or code in the query) is typed on the filter
    # methods: the API schema (drf-spectacular) reads the hint to type the parameter.
    def filter_near(self, queryset, name, value: Town):
        # Applied with the search and the sort in `qs`: they need each other.
        return queryset

    def filter_category(self, queryset, name, value: ServiceCategory):
        return queryset.filter(category_ids__includes=value.pk)

    def filter_price_min(self, queryset, name, value):
        return queryset.filter(max_price_xaf__gte=value)

    def filter_price_max(self, queryset, name, value):
        return queryset.filter(min_price_xaf__lte=value)

    def filter_min_rating(self, queryset, name, value):
        return queryset.filter(rating_average__gte=int(value))

    def filter_language(self, queryset, name, value: SpokenLanguage):
        return queryset.filter(language_codes__contains=f"|{value.code}|")

    def filter_certified(self, queryset, name, value):
        return queryset.filter(is_certified=True) if value else queryset

    def filter_available_on(self, queryset, name, value):
        return queryset.filter(pk__in=list(self.availability(value)))

    @property
    def qs(self):
        queryset = super().qs
        data = self.form.cleaned_data if self.is_bound else {}
        near = data.get("near")
        distances = _distances_from(near) if near else None
        if distances is not None and data.get("comes_to_me"):
            queryset = queryset.filter(_comes_to(near, distances))
        words = search_words(data.get("q") or "")
        if words:
            queryset = _search(queryset, words)
        return _sort(queryset, data.get("sort") or "", words=words, distances=distances)


def search_words(text):
    """The folded words of a query, as the search rows hold them (see core.text)."""
    return re.findall(r"\w+", fold(text))[:MAX_QUERY_WORDS]


def _search(queryset, words):
    if connection.vendor == "postgresql":
        # Every word, each as a prefix ("tresse" finds "tresses"): \w+ tokens are safe raw.
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
        return queryset.filter(search_vector=query).annotate(
            relevance=SearchRank(F("search_vector"), query)
        )
    for word in words:
        queryset = queryset.filter(document__icontains=word)
    return queryset.annotate(relevance=Value(1.0, output_field=FloatField()))


def _distances_from(town):
    return {other.pk: town.distance_km(other) for other in towns()}


def _comes_to(town, distances):
    """Based in the town, or travelling at least as far as the client's town."""
    reach = Q(pk__in=[])
    for town_id, km in distances.items():
        reach |= Q(town_id=town_id, travel_radius_km__gte=km)
    return Q(town=town) | (Q(travels_to_clients=True) & reach)


def _sort(queryset, sort, *, words, distances):
    if sort == Sort.DISTANCE and distances is not None:
        distance = Case(
            *[When(town_id=pk, then=Value(km)) for pk, km in distances.items()],
            output_field=FloatField(),
        )
        return queryset.annotate(distance=distance).order_by("distance", "-rating_average", "pk")
    if sort == Sort.PRICE:
        return queryset.order_by(F("min_price_xaf").asc(nulls_last=True), "pk")
    if sort in ("", Sort.RELEVANCE) and words:
        return queryset.order_by("-relevance", "-rating_average", "pk")
    return queryset.order_by("-rating_average", "-rating_count", "pk")
