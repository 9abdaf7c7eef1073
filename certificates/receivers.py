"""Listens to enrolment: a completed course (or, when it requires one, a passed final
assessment) gets its certificate from a task; a student
who loses access to the course (full refund) loses its certificate."""

from django.db import transaction
from django.dispatch import receiver

from enrolment.signals import access_revoked, assessment_passed, course_completed

from . import services, tasks


@receiver(course_completed, dispatch_uid="certificates.issue_on_completion")
@receiver(assessment_passed, dispatch_uid="certificates.issue_on_assessment")
def issue_on_completion(sender, enrolment_id, **kwargs):
    transaction.on_commit(lambda: tasks.issue_certificate.delay(enrolment_id))


@receiver(access_revoked, dispatch_uid="certificates.revoke_on_lost_access")
def revoke_on_lost_access(sender, user_id, course_id, **kwargs):
    services.revoke_after_lost_access(user_id=user_id, course_id=course_id)
