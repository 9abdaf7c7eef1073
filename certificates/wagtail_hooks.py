"""Certificates and badges in the Wagtail admin menu (moderators)."""

from wagtail import hooks

from .admin_views import CertificateViewSet
from .badges.admin_views import BadgeAwardViewSet, BadgeViewSet


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("register_admin_viewset")
def register_badge_viewsets():
    return [BadgeViewSet(), BadgeAwardViewSet()]
