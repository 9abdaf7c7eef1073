"""What the instructor dashboard sends students, registered with notifications."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

ENCOURAGEMENT = Kind("course_encouragement", _("Encouragement from your instructor"), "learning")

KINDS = (ENCOURAGEMENT,)
