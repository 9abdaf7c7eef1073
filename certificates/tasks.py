"""The certificate job, enqueued when a course is completed. Idempotent."""

from celery import shared_task

from . import services


@shared_task
def issue_certificate(enrolment_id):
    certificate = services.issue_for_enrolment(enrolment_id=enrolment_id)
    if certificate is None or certificate.is_revoked:
        return "nothing to issue"
    services.ensure_pdf(certificate=certificate)
    services.notify_owner(certificate=certificate)
    return certificate.code
