"""Pages that no view restriction covers, checked inside the query that lists them.

Wagtail's `PageQuerySet.public()` first reads every view restriction (one query more each
time a list is drawn: three on the home page). This asks the same in a subquery: a page
is private when a restricted page's path starts its own (the page or an ancestor)."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(queryset):
    """The queryset without pages under a view restriction (as `.public()`)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted))
