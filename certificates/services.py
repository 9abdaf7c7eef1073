"""Writes: issue a certificate once per completed enrolment, store its PDF, tell the
student, revoke. Each is safe to run twice."""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache_tags import invalidate
from course_pages.models import CoursePage
from enrolment.assessments.selectors import outcome_of
from enrolment.models import Enrolment
from notifications.services import Message, notify

from . import codes, documents, pdf, signals
from .errors import CertificateError
from .models import Certificate
from .notification_kinds import CERTIFICATE_READY
from .snapshot import course_snapshot

logger = logging.getLogger(__name__)


def _unused_code():
    while True:
        code = codes.new_code()
        if not Certificate.objects.filter(code=code).exists():
            return code


@transaction.atomic
def issue_for_enrolment(*, enrolment_id):
    """The certificate of a completed enrolment, issued now if it has none. Returns None
    when the enrolment is not completed (still active, refunded or removed), its course's
    final assessment is not passed yet, or the student has no name to print. A revoked
    certificate is returned, not replaced."""
    enrolment = (
        Enrolment.objects.select_for_update().select_related("user").filter(pk=enrolment_id).first()
    )
    if enrolment is None or enrolment.status != Enrolment.Status.COMPLETED:
        return None
    existing = Certificate.objects.filter(
        user_id=enrolment.user_id, course_id=enrolment.course_id
    ).first()
    if existing is not None:
        return existing
    assessment = outcome_of(enrolment)
    if assessment is not None and not assessment.passed:
        return None  # issued when the final assessment is passed
    student_name = enrolment.user.get_full_name().strip()
    if not student_name:
        logger.warning("Enrolment %s completed by a student without a name", enrolment_id)
        return None
    course = CoursePage.objects.select_related("instructor").get(pk=enrolment.course_id)
    certificate = Certificate(
        code=_unused_code(),
        enrolment=enrolment,
        user=enrolment.user,
        course=course,
        student_name=student_name,
        # Whole seconds: the signed data carries the time to the second.
        issued_at=timezone.now().replace(microsecond=0),
        **course_snapshot(course),
    )
    if assessment is not None:
        certificate.grade_band = assessment.grade
        certificate.assessment_score = assessment.score
    certificate.signature = documents.sign_data(certificate)
    certificate.credential = documents.signed_credential(certificate)
    certificate.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        # Another worker issued it between our check and our insert.
        return Certificate.objects.get(user_id=enrolment.user_id, course_id=enrolment.course_id)
    _announce_validity_change(certificate)
    user_id, course_id = certificate.user_id, certificate.course_id
    transaction.on_commit(
        lambda: signals.issued.send(sender=Certificate, user_id=user_id, course_id=course_id)
    )
    return certificate


def certificates_tag(user_id):
    """The page cache tag of pages showing a person's valid certificates (badges)."""
    return f"certificates:{user_id}"


def _announce_validity_change(certificate):
    user_id = certificate.user_id
    invalidate(certificates_tag(user_id))
    transaction.on_commit(
        lambda: signals.validity_changed.send(sender=Certificate, user_id=user_id)
    )


def ensure_pdf(*, certificate):
    """Render the PDF once and keep it in private storage; later calls reuse it."""
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        return certificate.pdf
    content = ContentFile(pdf.render_pdf(certificate), name=f"{certificate.code}.pdf")
    name = certificate.pdf.storage.save(
        certificate.pdf.field.generate_filename(certificate, content.name), content
    )
    seen = certificate.pdf.name or ""
    stored = Certificate.objects.filter(pk=certificate.pk, pdf=seen).update(pdf=name)
    if not stored:  # another worker stored its copy first: keep theirs
        certificate.pdf.storage.delete(name)
        certificate.refresh_from_db(fields=["pdf"])
        return certificate.pdf
    certificate.pdf.name = name
    return certificate.pdf


def notify_owner(*, certificate):
    """Tell the student once, in their language, where to find the certificate."""
    claimed = Certificate.objects.filter(pk=certificate.pk, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return
    notify(certificate.user, CERTIFICATE_READY, message=lambda: _ready(certificate))


def resend_to_owner(*, certificate):
    """Send the "your certificate is ready" e-mail again (support: "I lost it"); only
    while the certificate is valid."""
    if certificate.is_revoked:
        raise CertificateError(_("This certificate is revoked: there is nothing to send."))
    notify(certificate.user, CERTIFICATE_READY, message=lambda: _ready(certificate))


def _ready(certificate):
    mine = reverse("certificates:mine")
    values = {
        "name": certificate.student_name,
        "course": certificate.course_title,
        "code": certificate.code,
        "mine": documents.absolute(mine),
        "verify": documents.absolute(certificate.get_verify_url()),
    }
    return Message(
        subject=_("Your certificate for “%(course)s”") % values,
        text=_(
            "Hello %(name)s,\n\nCongratulations! You completed “%(course)s”.\n"
            "Your certificate %(code)s is ready: download it (PDF) from %(mine)s\n\n"
            "Anyone can check it at %(verify)s\n"
        )
        % values,
        url=mine,
    )


@transaction.atomic
def revoke(*, certificate, reason, revoked_by):
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking: it is shown on the public page."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise CertificateError(_("This certificate is already revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason[:255]
    certificate.revoked_by = revoked_by
    certificate.save(update_fields=["revoked_at", "revocation_reason", "revoked_by"])
    _announce_validity_change(certificate)
    return certificate


# Shown on the public page whatever the reader's language, like a moderator's reason.
ACCESS_WITHDRAWN_REASON = (
    "Accès à la formation retiré (remboursement) / Course access withdrawn (refund)"
)


@transaction.atomic
def revoke_after_lost_access(*, user_id, course_id):
    """A student refunded (or removed) from a course no longer holds its certificate."""
    certificate = (
        Certificate.objects.filter(user_id=user_id, course_id=course_id, revoked_at=None)
        .select_for_update()
        .first()
    )
    if certificate is None:
        return None
    return revoke(certificate=certificate, reason=ACCESS_WITHDRAWN_REASON, revoked_by=None)
