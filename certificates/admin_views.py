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


class RevocableInspectView(InspectView):
    """The detail page of a signed credential (a certificate, a badge award): shows it,
    says whether its signature still matches, and takes one write, "revoke" with a
    reason, for people allowed to. Subclasses say who may, how to revoke, and what the
    messages and the context name are."""

    context_name = "credential"

    def get_fields(self):
        return []

    def may_revoke(self, user):
        raise NotImplementedError

    def revoke(self, reason, user):
        raise NotImplementedError

    def signature_ok(self, credential):
        raise NotImplementedError

    def revoked_message(self):
        raise NotImplementedError

    def not_revoked_message(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        if not self.may_revoke(request.user):
            raise PermissionDenied
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                self.revoke(form.cleaned_data["reason"], request.user)
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, self.revoked_message())
                return redirect(request.path)
        messages.error(request, self.not_revoked_message())
        return self.render_to_response(self.get_context_data(revoke_form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        credential = self.object
        context.update(
            {self.context_name: credential},
            signature_ok=self.signature_ok(credential),
            may_revoke=self.may_revoke(self.request.user) and not credential.is_revoked,
        )
        context.setdefault("revoke_form", RevokeForm())
        return context


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")


class CertificateDetailView(RevocableInspectView):
    template_name = "certificates/admin/certificate_detail.html"
    context_name = "certificate"

    def get_page_title(self):
        return _("Certificate")

    def get_object(self, queryset=None):
        return get_object_or_404(
            Certificate.objects.select_related("user", "revoked_by"), pk=self.pk
        )

    def may_revoke(self, user):
        return can_revoke(user)

    def revoke(self, reason, user):
        services.revoke(certificate=self.object, reason=reason, revoked_by=user)

    def signature_ok(self, credential):
        return documents.data_signature_matches(credential)

    def revoked_message(self):
        return _("Certificate %(code)s is revoked.") % {"code": self.object.code}

    def not_revoked_message(self):
        return _("The certificate was not revoked: check the form below.")


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
