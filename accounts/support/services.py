"""Support's writes: an action on a person, always written to the audit log, and the
lockout reset that accounts owns itself."""

from axes.handlers.proxy import AxesProxyHandler
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import SupportAction
from .registry import ActionRefused


def perform(*, action, person, target, reason, by, data=None):
    """Do `action` to `target` (one of `person`'s things) and log who, when and why.
    Raises ActionRefused, having changed nothing, when it cannot be done."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Give the reason: it is kept in the support log."))
    data = data or {}
    if not action.atomic:
        outcome = action.perform(person=person, target=target, reason=reason, by=by, data=data)
        return _log(action, person, target, reason, by, data, outcome)
    with transaction.atomic():
        outcome = action.perform(person=person, target=target, reason=reason, by=by, data=data)
        return _log(action, person, target, reason, by, data, outcome)


def _log(action, person, target, reason, by, data, outcome):
    SupportAction.objects.create(
        by=by,
        person=person,
        action=action.key,
        reason=reason[:255],
        target=str(action.describe(target, data))[:200],
        outcome=str(outcome)[:255],
    )
    return outcome


def unlock(*, person):
    """Lift every login lockout of the person's e-mail (all addresses); returns how
    many failed-login records were cleared."""
    return AxesProxyHandler.reset_attempts(username=person.email.lower())
