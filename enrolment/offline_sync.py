"""Learning actions the phone queued while offline, applied when it is back online.

Each action carries a key the phone made (a UUID). The first arrival claims it (a row
unique per person and key, inserted before anything else: on PostgreSQL a second request
with the same key waits on that row and then finds it), so a queue sent ten times counts
once and every replay gets the first answer. Nothing but the answers is taken from the
phone: the server checks access again and grades the quiz with the same daily rules."""

import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from . import services
from .errors import LearningError
from .models import OfflineAction
from .offline import may_keep
from .pages import lesson_model

MAX_ACTIONS_PER_BATCH = 50
MAX_ANSWERS_PER_QUIZ = 100


class UnreadableAction(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


class UnreadableBatch(UnreadableAction):
    pass


@dataclass(frozen=True)
class QueuedAction:
    key: uuid.UUID
    kind: str
    lesson_id: int
    quiz_id: str = ""
    answers: dict = field(default_factory=dict)
    done_at: object = None


def apply_batch(*, user, actions):
    """One answer per action, in order: applied, refused (with the reason) or
    invalid (unreadable, so nothing recorded). One bad action never stops the others."""
    if not isinstance(actions, list) or not actions:
        raise UnreadableBatch(_("Nothing to send: the list of actions is empty or unreadable."))
    if len(actions) > MAX_ACTIONS_PER_BATCH:
        raise UnreadableBatch(
            _("Send at most %(count)d actions at a time.") % {"count": MAX_ACTIONS_PER_BATCH}
        )
    return [apply_one(user=user, raw=raw) for raw in actions]


def apply_one(*, user, raw):
    key = raw.get("idempotency_key") if isinstance(raw, dict) else None
    try:
        action = read_action(raw)
    except UnreadableAction as error:
        return {
            "key": key if isinstance(key, str) else "",
            "status": "invalid",
            "message": error.message,
        }
    known = OfflineAction.objects.filter(user=user, idempotency_key=action.key).first()
    if known is not None:
        return _answer(known, replayed=True)
    lesson = lesson_model().objects.live().filter(pk=action.lesson_id).first()
    if lesson is None:
        return {
            "key": str(action.key),
            "status": OfflineAction.Outcome.REFUSED,
            "message": _("This lesson is no longer available, so this was not recorded."),
        }
    try:
        with transaction.atomic():
            return _answer(_claim_and_apply(user, action, lesson), replayed=False)
    except IntegrityError:
        # Another request with this key got there first and has committed.
        return _answer(
            OfflineAction.objects.get(user=user, idempotency_key=action.key), replayed=True
        )


def _claim_and_apply(user, action, lesson):
    record = OfflineAction.objects.create(
        user=user,
        idempotency_key=action.key,
        kind=action.kind,
        lesson=lesson,
        outcome=OfflineAction.Outcome.REFUSED,
        done_at=action.done_at,
    )
    try:
        if not may_keep(user, lesson):
            raise LearningError(
                _("You no longer have access to this lesson, so this was not recorded.")
            )
        record.result = _perform(user, action, lesson)
    except LearningError as error:
        record.message = error.message[:300]
    else:
        record.outcome = OfflineAction.Outcome.APPLIED
        record.message = _sent_message(action.kind, record.result)
    record.save(update_fields=["outcome", "message", "result"])
    return record


def _perform(user, action, lesson):
    if action.kind == OfflineAction.Kind.LESSON_DONE:
        services.mark_complete(user=user, lesson=lesson)
        return _result(None)
    attempt = services.submit_quiz(
        user=user, lesson=lesson, quiz_id=action.quiz_id, answers=action.answers
    )
    return _result(attempt)


def _result(attempt):
    if attempt is None:
        return {"lesson_completed": True}
    return {
        "score": attempt.score_percent,
        "passed": attempt.passed,
        "attempts_left": attempt.attempts_left,
    }


def once_per_form_key(*, user, post, kind, lesson, act):
    """The online "done" and quiz forms carry a key when offline.js sends them (the same
    key its queued copy gets when the form's answer does not come back in time). The
    key is claimed before act() runs, as a queued action's is, so whichever of the two
    arrives second is a replay and counts nothing. Returns (what act() returned, None),
    or (None, the earlier record) for a replay. Without a key: act() as it is."""
    try:
        key = uuid.UUID(str(post.get("idempotency_key", "")))
    except ValueError:
        return act(), None
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = OfflineAction.objects.create(
                    user=user,
                    idempotency_key=key,
                    kind=kind,
                    lesson=lesson,
                    outcome=OfflineAction.Outcome.APPLIED,
                )
        except IntegrityError:  # already used (on PostgreSQL: once the other committed)
            return None, OfflineAction.objects.get(user=user, idempotency_key=key)
        done = act()  # a LearningError rolls the claim back with everything else
        record.result = _result(done if kind == OfflineAction.Kind.QUIZ_ANSWER else None)
        record.message = _sent_message(kind, record.result)
        record.save(update_fields=["message", "result"])
    return done, None


def _sent_message(kind, result):
    if kind == OfflineAction.Kind.LESSON_DONE:
        return _("Sent: the lesson is marked as done.")
    if result["passed"]:
        return _("Sent: quiz passed with %(score)d %%.") % {"score": result["score"]}
    return _("Sent: quiz not passed (%(score)d %%). Try again.") % {"score": result["score"]}


def _answer(record, *, replayed):
    return {
        "key": str(record.idempotency_key),
        "status": record.outcome,
        "message": record.message,
        "replayed": replayed,
        "lesson": record.lesson_id,
        "result": record.result,
    }


def read_action(raw):
    """A QueuedAction, or UnreadableAction with a reason the student may read."""
    if not isinstance(raw, dict):
        raise UnreadableAction(_("This action could not be read, so it was not recorded."))
    try:
        key = uuid.UUID(str(raw.get("idempotency_key", "")))
    except ValueError as error:
        raise UnreadableAction(
            _("This action has no valid key, so it was not recorded.")
        ) from error
    kind = raw.get("kind")
    if kind not in OfflineAction.Kind.values:
        raise UnreadableAction(_("This kind of action is unknown, so it was not recorded."))
    lesson_id = raw.get("lesson")
    if isinstance(lesson_id, bool) or not isinstance(lesson_id, int) or lesson_id <= 0:
        raise UnreadableAction(_("This action names no lesson, so it was not recorded."))
    done_at = _read_time(raw.get("done_at"))
    if kind == OfflineAction.Kind.LESSON_DONE:
        return QueuedAction(key=key, kind=kind, lesson_id=lesson_id, done_at=done_at)
    quiz_id, answers = raw.get("quiz"), raw.get("answers")
    if not isinstance(quiz_id, str) or not quiz_id or not _well_formed(answers):
        raise UnreadableAction(
            _("These quiz answers could not be read, so they were not recorded.")
        )
    return QueuedAction(
        key=key, kind=kind, lesson_id=lesson_id, quiz_id=quiz_id, answers=answers, done_at=done_at
    )


def _well_formed(answers):
    return (
        isinstance(answers, dict)
        and len(answers) <= MAX_ANSWERS_PER_QUIZ
        and all(
            isinstance(question, str)
            and isinstance(chosen, list)
            and len(chosen) <= MAX_ANSWERS_PER_QUIZ
            and all(isinstance(choice, str) for choice in chosen)
            for question, chosen in answers.items()
        )
    )


def _read_time(value):
    """When the phone says it happened: kept for the record only, never in the future."""
    if value in (None, ""):
        return None
    try:
        moment = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise UnreadableAction(_("This action has an unreadable date, so it was not recorded."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return min(moment, timezone.now())
