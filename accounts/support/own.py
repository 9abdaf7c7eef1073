"""What accounts itself adds to the support panel: unlocking a login lockout, and the
instructor requests waiting on the moderators' home page."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import User
from . import registry, selectors, services

ALL_LOCKOUTS = "all"


def _find_lockouts(person, target_id):
    if target_id != ALL_LOCKOUTS:
        return None
    locked = [attempt for attempt in selectors.lockouts_of(person) if attempt.locked]
    return locked or None


def _unlock(*, person, target, reason, by, data):
    services.unlock(person=person)
    return _("%(person)s can log in again.") % {"person": person}


def register():
    registry.register_action(
        registry.Action(
            key="unlock",
            label=gettext_lazy("Unlock login"),
            find=_find_lockouts,
            describe=lambda attempts, data: (
                _("Login lockout from %(addresses)s")
                % {"addresses": ", ".join(str(a.ip_address) for a in attempts)}
            ),
            consequence=lambda attempts, data: _(
                "The wrong-password count is reset: the person can log in at once."
            ),
            perform=_unlock,
        )
    )
    registry.register_counter(
        registry.Counter(
            key="instructor_requests",
            label=gettext_lazy("Instructor requests"),
            count=lambda now: User.objects.filter(
                instructor_status=User.InstructorStatus.PENDING
            ).count(),
            url=lambda: reverse("instructor_requests"),
            order=40,
        )
    )
