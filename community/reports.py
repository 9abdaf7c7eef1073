"""Reports on any community object, and the moderator's decision.

Each kind of object registers how to find it, who may report it and how to show it in
the queue (community.apps registers groups and wall resources; forums and challenges
add theirs). Once per person per object; at the threshold (setting
COMMUNITY_REPORTS_TO_HIDE) the object is hidden until a moderator, in the one queue of
the Wagtail admin, hides it for good or restores it."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import is_moderator

from . import limits
from .errors import CommunityError, InvalidInput, NotAllowed
from .models import Moderated, ModerationCase, Report
from .text import clean_text

MAX_NOTE_LENGTH = 500


@dataclass(frozen=True)
class Reportable:
    kind: str
    # A Moderated model.
    model: Any
    # (user, obj) -> bool: may this person see (and so report) it?
    may_see: Any
    # (obj) -> str: a short text for the queue.
    excerpt: Any
    # (obj) -> str: where it is shown.
    url: Any
    # (obj) -> user id or None: its author, who may not report it.
    author_id: Any
    # A translated name of the kind, for the queue.
    label: Any = ""
    # (obj) -> [url]: photos the moderator looks at.
    photo_urls: Any = lambda obj: []
    # (obj) -> [(when, by whom, text before)]: the edit history.
    history: Any = lambda obj: []
    # The model's field naming the author (as author_id reads it), so the support
    # panel finds the reports about one person's posts in one query.
    author_field: str = "author"
    # (obj) -> None: after its visibility changed, for what is derived from it (a
    # course's average rating leaves out hidden reviews).
    visibility_changed: Any = lambda obj: None


_KINDS: dict[str, Reportable] = {}


def register(reportable):
    _KINDS[reportable.kind] = reportable


def get(kind):
    return _KINDS.get(kind)


def registered():
    return list(_KINDS.values())


def reports_to_hide():
    return getattr(settings, "COMMUNITY_REPORTS_TO_HIDE", 3)


def find(kind, object_id):
    """(the registered kind, the object) or (None, None)."""
    reportable = get(kind)
    if reportable is None:
        return None, None
    return reportable, reportable.model._default_manager.filter(pk=object_id).first()


@transaction.atomic
def report(*, user, kind, object_id, reason, note=""):
    """`user` reports an object she can see; returns the report."""
    reportable, obj = find(kind, object_id)
    if obj is None or not reportable.may_see(user, obj):
        raise NotAllowed(_("You can't report this."))
    if reportable.author_id(obj) == user.pk:
        raise NotAllowed(_("You can't report what you posted yourself."))
    if reason not in Report.Reason.values:
        raise InvalidInput(_("Choose why you report it."))
    note = clean_text(note, limit=MAX_NOTE_LENGTH, required=False)
    case, _created = ModerationCase.objects.get_or_create(kind=kind, object_id=obj.pk)
    case = ModerationCase.objects.select_for_update().get(pk=case.pk)
    try:
        with transaction.atomic():
            made = Report.objects.create(
                case=case, kind=kind, object_id=obj.pk, reporter=user, reason=reason, note=note
            )
    except IntegrityError as error:
        raise CommunityError(_("You have already reported this.")) from error
    if case.state in (ModerationCase.State.REMOVED, ModerationCase.State.RESTORED):
        # Reported again after a decision: a new round starts.
        case.state = ModerationCase.State.OPEN
    case.pending_reports = F("pending_reports") + 1
    case.last_reported_at = made.created_at
    case.excerpt = reportable.excerpt(obj)[:200]
    case.save()
    case.refresh_from_db(fields=["pending_reports"])
    if case.state == ModerationCase.State.OPEN and case.pending_reports >= reports_to_hide():
        _set_visibility(reportable, obj, Moderated.Visibility.WAITING)
        case.state = ModerationCase.State.WAITING
        case.save(update_fields=["state"])
    return made


def _set_visibility(reportable, obj, visibility):
    reportable.model._default_manager.filter(pk=obj.pk).update(visibility=visibility)
    obj.visibility = visibility
    reportable.visibility_changed(obj)


@transaction.atomic
def decide(*, moderator, case, remove):
    """Hide the object for good (`remove`) or restore it; either way its pending
    reports are answered."""
    if not is_moderator(moderator):
        raise NotAllowed(_("Only a moderator can decide on a report."))
    case = ModerationCase.objects.select_for_update().get(pk=case.pk)
    reportable, obj = find(case.kind, case.object_id)
    if obj is None:
        raise CommunityError(_("This content no longer exists."))
    if remove:
        _set_visibility(reportable, obj, Moderated.Visibility.REMOVED)
        case.state = ModerationCase.State.REMOVED
    else:
        _set_visibility(reportable, obj, Moderated.Visibility.VISIBLE)
        case.state = ModerationCase.State.RESTORED
    limits.mark_removed(case.kind, case.object_id, removed=remove)
    case.pending_reports = 0
    case.decided_by = moderator
    case.decided_at = timezone.now()
    case.save()
    return case
