"""The moderators' admin home panel: what needs a person today, each with its count
and a link (the lines are the counters apps registered)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import registry


class WaitingWorkPanel(Component):
    name = "support_waiting"
    order = 40
    template_name = "accounts/support/home_panel.html"

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        return {
            "lines": [
                {"label": counter.label, "count": counter.count(now), "url": counter.url()}
                for counter in registry.counters()
            ]
        }
