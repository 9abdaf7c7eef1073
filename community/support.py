"""Community on the support panel: reports about what a person posted, and reported
content waiting for a moderator on the admin home page (registered with
accounts.support from CommunityConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts.support import registry

from . import selectors
from .models import ModerationCase


def register():
    registry.register_section(
        registry.Section(
            key="community_reports",
            label=gettext_lazy("Reports about their community posts"),
            template="community/support/section.html",
            load=lambda person: {"reports": selectors.reports_about(person)},
            order=55,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="community_reports",
            label=gettext_lazy("Reported community content waiting"),
            count=lambda now: ModerationCase.objects.filter(
                state__in=(ModerationCase.State.OPEN, ModerationCase.State.WAITING)
            ).count(),
            url=lambda: reverse("community_reports:index"),
            order=31,
            is_report=True,
        )
    )
