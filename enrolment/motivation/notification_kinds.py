"""The streak reminder, registered with notifications (EnrolmentConfig.ready). SMS costs
the person nothing but the academy money: allowed, off unless she turns it on."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

STREAK_REMINDER = Kind(
    "streak_reminder",
    _("A gentle reminder to keep my learning streak"),
    "learning",
    sms_allowed=True,
)

KINDS = (STREAK_REMINDER,)
