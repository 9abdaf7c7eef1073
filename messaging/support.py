"""Messages on the support panel: reports on what a person wrote, and the reported
messages waiting for a moderator on the admin home page (registered with
accounts.support from MessagingConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts.support import registry

from . import selectors


def register():
    registry.register_section(
        registry.Section(
            key="reports",
            label=gettext_lazy("Reports about this person"),
            template="messaging/support/section.html",
            load=lambda person: {"reports": selectors.reports_about(person)},
            order=50,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="message_reports",
            label=gettext_lazy("Reported messages waiting"),
            count=lambda now: selectors.reports_waiting().count(),
            url=lambda: reverse("message_reports:index"),
            order=30,
            is_report=True,
        )
    )
