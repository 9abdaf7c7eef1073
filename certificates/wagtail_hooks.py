"""Certificates in the Wagtail admin menu (moderators)."""

from wagtail import hooks

from .admin_views import CertificateViewSet


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()
