"""Certificates in the Wagtail admin, for moderators: a searchable list and a detail
page whose only write is "revoke", with a reason (through services.revoke)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView

from core.admin_viewsets import ReadOnlyModelViewSet

from . import documents, services
from .errors import CertificateError
from .models import Certificate

REVOKE_CERTIFICATES = "certificates.change_certificate"


def can_revoke(user):
    return user.is_authenticated and user.has_perm(REVOKE_CERTIFICATES)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"),
        max_length=255,
        help_text=gettext_lazy("Shown on the public verification page."),
    )


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class CertificateDetailView(InspectView):
    template_name = "certificates/admin/certificate_detail.html"

    def get_page_title(self):
        return _("Certificate")

    def get_object(self, queryset=None):
        return get_object_or_404(
            Certificate.objects.select_related("user", "revoked_by"), pk=self.pk
        )

    def get_fields(self):
        return []

    def post(self, request, *args, **kwargs):
        if not can_revoke(request.user):
            raise PermissionDenied
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                services.revoke(
                    certificate=self.object,
                    reason=form.cleaned_data["reason"],
                    revoked_by=request.user,
                )
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Certificate %(code)s is revoked.") % {"code": self.object.code}
                )
                return redirect(request.path)
        messages.error(request, _("The certificate was not revoked: check the form below."))
        return self.render_to_response(self.get_context_data(revoke_form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context.update(
            certificate=certificate,
            signature_ok=documents.data_signature_matches(certificate),
            may_revoke=can_revoke(self.request.user) and not certificate.is_revoked,
        )
        context.setdefault("revoke_form", RevokeForm())
        return context


def _status(certificate):
    return _("Revoked") if certificate.is_revoked else _("Valid")


class CertificateViewSet(ReadOnlyModelViewSet):
    """Read-only apart from revoking: no add, edit, copy or delete views are routed."""

    model = Certificate
    name = "certificate_admin"
    url_prefix = "certificates"
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_name = "certificates"
    menu_order = 310
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateDetailView
    search_fields = ["code", "student_name", "user__email", "course_title_fr"]
    search_backend_name = None
    list_display = [
        "code",
        "student_name",
        "course_title_fr",
        Column("status", label=gettext_lazy("Status"), accessor=_status, sort_key="revoked_at"),
        DateColumn("issued_at", label=gettext_lazy("Issued"), sort_key="issued_at"),
    ]
