"""What accounts tells people, registered with notifications (AccountsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import Kind

# A moderator's decision on the person's own account (may she teach?): like security
# mail, it always comes by e-mail and cannot be switched off.
INSTRUCTOR_DECISION = Kind(
    "instructor_decision", _("Decision on your instructor request"), "account", essential=True
)

KINDS = (INSTRUCTOR_DECISION,)
