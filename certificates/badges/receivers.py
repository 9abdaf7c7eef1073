"""A certificate issued may complete a set of courses or a curriculum: check badges."""

from django.dispatch import receiver

from ..signals import issued
from . import tasks


@receiver(issued, dispatch_uid="certificates.badges.check_on_issue")
def check_on_issue(sender, user_id, **kwargs):
    tasks.check_later([user_id])
