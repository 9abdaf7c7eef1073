"""What a student is told about her practice work, through notifications.notify, in
her language: a classmate reviewed it, or the instructor decided."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from .models import Submission
from .notification_kinds import PRACTICE_WORK_REVIEWED


def tell_author_of_peer_review(submission):
    notify(
        submission.enrolment.user,
        PRACTICE_WORK_REVIEWED,
        message=lambda: _peer_reviewed(submission),
    )


def tell_author_of_verdict(submission):
    notify(submission.enrolment.user, PRACTICE_WORK_REVIEWED, message=lambda: _verdict(submission))


def _values(submission):
    path = reverse("learning:my_submission", args=[submission.pk])
    return path, {
        "name": submission.enrolment.user.first_name or submission.enrolment.user.email,
        # The lesson's title in the student's language when it is translated.
        "lesson": submission.lesson.localized.title,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
    }


def _peer_reviewed(submission):
    # The classmate's comment stays on the site: students read peer feedback only
    # once they have reviewed others' work themselves.
    path, values = _values(submission)
    return Message(
        subject=_("A classmate reviewed your practice work for “%(lesson)s”") % values,
        text=_(
            "Hello %(name)s,\n\nA classmate reviewed your practice work for “%(lesson)s”.\n"
            "See where it stands: %(url)s\n"
        )
        % values,
        url=path,
    )


def _verdict(submission):
    path, values = _values(submission)
    if submission.status == Submission.Status.ACCEPTED:
        subject = _("Your practice work for “%(lesson)s” is accepted") % values
        opening = _("Your instructor accepted your practice work for “%(lesson)s”.") % values
    else:
        subject = _("Your instructor asks for another try at “%(lesson)s”") % values
        opening = _("Your instructor asks for another try at “%(lesson)s”.") % values
    lines = [_("Hello %(name)s,") % values, "", opening]
    if submission.verdict_comment:
        lines += ["", _("Their comments:"), submission.verdict_comment]
    lines += ["", _("Your work: %(url)s") % values]
    return Message(
        subject=subject,
        text="\n".join(lines) + "\n",
        summary=opening + ("\n" + submission.verdict_comment if submission.verdict_comment else ""),
        url=path,
    )
