"""What the instructor and peer reviewers see of similar work, and their marks on it
("looked at: fine" or "not own work"). A mark is recorded and shown; it changes
nothing else (no status, no score)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.roles import is_moderator, teaches

from .errors import InvalidAnswer, NotAllowed
from .models import PhotoFingerprint, SimilarityCheck, SimilarityLook, SimilarityMatch
from .selectors import can_see_submission
from .text_fingerprints import MIN_WORDS


def can_look(*, user, submission):
    """The course's instructor, moderators and the classmates who may review the work;
    never its author (she is told on the form that work is compared, not who matched)."""
    if not user.is_authenticated or submission.enrolment.user_id == user.pk:
        return False
    return can_see_submission(user=user, submission=submission)


def sees_names(*, user, submission):
    """The instructor and moderators see whose work matched; classmates do not."""
    return teaches(user, submission.enrolment.course) or is_moderator(user)


@dataclass
class SimilarityReport:
    matches: list = field(default_factory=list)
    # Translated sentences: what was not compared, and why.
    not_compared: list = field(default_factory=list)
    show_names: bool = False


def similarity_for(*, user, submission):
    """The matches of a submission with the marks on them, in a fixed number of queries:
    each match carries `my_look` and, for the instructor, `other_looks`."""
    show_names = sees_names(user=user, submission=submission)
    matches = list(
        SimilarityMatch.objects.filter(submission=submission)
        .select_related("photo", "other_photo", "other__enrolment__user", "example_image")
        .prefetch_related(Prefetch("looks", SimilarityLook.objects.select_related("by")))
    )
    instructor_id = submission.enrolment.course.instructor.user_id
    for match in matches:
        looks = list(match.looks.all())
        match.my_look = next((look for look in looks if look.by_id == user.pk), None)
        match.other_looks = [look for look in looks if look.by_id != user.pk] if show_names else []
        for look in match.other_looks:
            look.by_instructor = look.by_id == instructor_id
    return SimilarityReport(matches, _not_compared(submission), show_names)


def _not_compared(submission):
    check = SimilarityCheck.objects.filter(submission=submission).first()
    if check is None:
        return [_("Not compared yet: the check runs in the background after handing in.")]
    sentences = []
    if check.text == SimilarityCheck.Text.TOO_SHORT:
        sentences.append(
            _("The note was not compared: it is shorter than %(count)d words.")
            % {"count": MIN_WORDS}
        )
    problems = (
        PhotoFingerprint.objects.filter(photo__submission=submission)
        .exclude(problem=PhotoFingerprint.Problem.NONE)
        .values_list("photo__position", "problem")
        .order_by("photo__position")
    )
    why = {
        PhotoFingerprint.Problem.TOO_SMALL: _(
            "Photo %(number)d was not compared: it is too small to compare."
        ),
        PhotoFingerprint.Problem.PLAIN: _(
            "Photo %(number)d was not compared: it is almost one plain colour."
        ),
        PhotoFingerprint.Problem.UNREADABLE: _(
            "Photo %(number)d was not compared: it could not be read."
        ),
    }
    sentences += [why[problem] % {"number": position + 1} for position, problem in problems]
    return sentences


@transaction.atomic
def record_look(*, by, match, verdict):
    """Her mark on a match; a second mark replaces her first. Nothing else changes."""
    if verdict not in SimilarityLook.Verdict.values:
        raise InvalidAnswer(_("Choose “fine” or “not own work”."))
    if not can_look(user=by, submission=match.submission):
        raise NotAllowed(_("Only the instructor and the reviewers of this work can mark it."))
    look, _created = SimilarityLook.objects.update_or_create(
        match=match, by=by, defaults={"verdict": verdict}
    )
    return look
