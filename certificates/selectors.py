"""Reads about certificates."""

from core.roles import is_moderator

from .models import Certificate


def valid_certificates_for(*, user):
    """A person's certificates that are not revoked, newest first. Each has `.code`,
    `.course_title` (active language) and `.get_verify_url()`."""
    if not getattr(user, "is_authenticated", False):
        return Certificate.objects.none()
    return Certificate.objects.filter(user=user, revoked_at__isnull=True).order_by("-issued_at")


def certificates_of(*, user):
    """Everything the owner sees on "my certificates", revoked ones included."""
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def find(code):
    """The certificate with this (normalised) ID, or None."""
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()


def can_download(*, user, certificate):
    """The owner while it is valid, and moderators always; nobody else."""
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    return certificate.user_id == user.pk and not certificate.is_revoked


def issued_count():
    """How many certificates the academy has issued and not revoked (home page proof)."""
    return Certificate.objects.filter(revoked_at__isnull=True).count()
