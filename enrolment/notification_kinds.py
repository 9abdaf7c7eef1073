"""What enrolment tells students, registered with notifications (EnrolmentConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

PRACTICE_WORK_REVIEWED = Kind("practice_work_reviewed", _("Practice work reviewed"), "learning")

KINDS = (PRACTICE_WORK_REVIEWED,)
