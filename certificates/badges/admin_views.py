"""Badges in the Wagtail admin, for moderators: define badges (names, criteria, picture,
rule), and see the awards, whose only write is "revoke" with a reason."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_viewsets import ReadOnlyModelViewSet

from .. import rule_kinds
from ..admin_views import RevocableInspectView
from ..models import Badge, BadgeAward
from . import documents, services

REVOKE_BADGES = "certificates.change_badgeaward"


class BadgeForm(WagtailAdminModelForm):
    """The rule's target must be set: courses, a curriculum, or a number of times."""

    def clean(self):
        cleaned = super().clean()
        kind = rule_kinds.get(cleaned.get("rule"))
        if kind is None:
            return cleaned
        if kind.uses == rule_kinds.USES_COURSES and not cleaned.get("courses"):
            self.add_error("courses", _("Choose the courses to complete for this badge."))
        if kind.uses == rule_kinds.USES_CURRICULUM and not cleaned.get("curriculum"):
            self.add_error("curriculum", _("Choose the curriculum to finish for this badge."))
        return cleaned


class BadgeViewSet(ModelViewSet):
    model = Badge
    name = "badge_admin"
    url_prefix = "badges"
    icon = "pick"
    menu_label = gettext_lazy("Badges")
    menu_name = "badges"
    menu_order = 311
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    search_fields = ["name_fr", "name_en", "slug"]
    search_backend_name = None
    list_display = ["name_fr", "name_en", "rule", "is_active"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name_fr"), FieldPanel("name_en"), FieldPanel("slug")],
                heading=gettext_lazy("Name"),
            ),
            FieldPanel("image"),
            FieldPanel("criteria_fr"),
            FieldPanel("criteria_en"),
            MultiFieldPanel(
                [
                    FieldPanel("rule"),
                    FieldPanel("courses"),
                    FieldPanel("curriculum"),
                    FieldPanel("count"),
                ],
                heading=gettext_lazy("Rule"),
            ),
            FieldPanel("is_active"),
        ],
        base_form_class=BadgeForm,
    )


def can_revoke(user):
    return user.is_authenticated and user.has_perm(REVOKE_BADGES)


class AwardIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class AwardDetailView(RevocableInspectView):
    template_name = "certificates/admin/badge_award_detail.html"
    context_name = "award"

    def get_page_title(self):
        return _("Badge award")

    def get_object(self, queryset=None):
        return get_object_or_404(
            BadgeAward.objects.select_related("user", "badge", "revoked_by"), pk=self.pk
        )

    def may_revoke(self, user):
        return can_revoke(user)

    def revoke(self, reason, user):
        services.revoke(award=self.object, reason=reason, revoked_by=user)

    def signature_ok(self, credential):
        return documents.signature_matches(credential)

    def revoked_message(self):
        return _("Badge %(code)s is revoked.") % {"code": self.object.code}

    def not_revoked_message(self):
        return _("The badge was not revoked: check the form below.")


def _status(award):
    return _("Revoked") if award.is_revoked else _("Valid")


class BadgeAwardViewSet(ReadOnlyModelViewSet):
    """Read-only apart from revoking: awards are made by the task, never by hand."""

    model = BadgeAward
    name = "badge_award_admin"
    url_prefix = "badge-awards"
    icon = "tick-inverse"
    menu_label = gettext_lazy("Badge awards")
    menu_name = "badge_awards"
    menu_order = 312
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = AwardIndexView
    inspect_view_class = AwardDetailView
    search_fields = ["code", "recipient_name", "user__email", "name_fr"]
    search_backend_name = None
    list_display = [
        "code",
        "recipient_name",
        "name_fr",
        Column("status", label=gettext_lazy("Status"), accessor=_status, sort_key="revoked_at"),
        DateColumn("awarded_at", label=gettext_lazy("Awarded"), sort_key="awarded_at"),
    ]
