"""Listens to enrolment: a completed course gets its certificate from a task."""

from django.db import transaction
from django.dispatch import receiver

from enrolment.signals import course_completed

from . import tasks


@receiver(course_completed, dispatch_uid="certificates.issue_on_completion")
def issue_on_completion(sender, enrolment_id, **kwargs):
    transaction.on_commit(lambda: tasks.issue_certificate.delay(enrolment_id))
