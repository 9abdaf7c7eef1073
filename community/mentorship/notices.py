"""Who is told what about mentorships, through notifications.notify in each person's
language: the mentor of a request, the beginner of the answer, both of the end (with
an invitation to review). Called after the change is stored, with the mentorship's id."""

from django.conf import settings
from django.utils.translation import gettext as _

from notifications.services import Message, notify

from ..models import Mentorship
from ..notification_kinds import MENTORSHIP_ANSWERED, MENTORSHIP_ENDED, MENTORSHIP_REQUESTED
from ..selectors import display_name


def _load(mentorship_id):
    return Mentorship.objects.select_related("mentor", "mentee").filter(pk=mentorship_id).first()


def _message(mentorship, subject, opening):
    path = mentorship.get_absolute_url()
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return Message(
        subject=subject,
        text=opening + "\n\n" + _("The mentorship: %(url)s") % {"url": url} + "\n",
        summary=opening,
        url=path,
    )


def requested(mentorship_id):
    """Tell the mentor a beginner asks her."""
    mentorship = _load(mentorship_id)
    if mentorship is None or mentorship.mentor is None:
        return

    def message():
        values = {"name": display_name(mentorship.mentee)}
        return _message(
            mentorship,
            _("%(name)s asks you to be her mentor") % values,
            _("%(name)s asks you to be her mentor. Accept or decline on the request's page.")
            % values,
        )

    notify(mentorship.mentor, MENTORSHIP_REQUESTED, message=message)


def answered(mentorship_id):
    """Tell the beginner what the mentor answered."""
    mentorship = _load(mentorship_id)
    if mentorship is None or mentorship.mentee is None:
        return

    def message():
        values = {"name": display_name(mentorship.mentor), "weeks": mentorship.weeks}
        if mentorship.status == Mentorship.Status.ACTIVE:
            subject = _("%(name)s is your mentor") % values
            opening = (
                _(
                    "%(name)s accepted to mentor you for %(weeks)s weeks. "
                    "Write to her from the mentorship's page."
                )
                % values
            )
        else:
            subject = _("Your request to %(name)s") % values
            opening = _("%(name)s can't mentor you now. Ask another mentor.") % values
        return _message(mentorship, subject, opening)

    notify(mentorship.mentee, MENTORSHIP_ANSWERED, message=message)


def ended(mentorship_id):
    """Tell both sides the mentorship ended, and ask each for a short review."""
    mentorship = _load(mentorship_id)
    if mentorship is None:
        return
    for person, other in (
        (mentorship.mentor, mentorship.mentee),
        (mentorship.mentee, mentorship.mentor),
    ):
        if person is None:
            continue

        def message(other=other):
            values = {"name": display_name(other)}
            return _message(
                mentorship,
                _("Your mentorship with %(name)s has ended") % values,
                _(
                    "Your mentorship with %(name)s has ended. "
                    "Leave a short review: it helps the next beginners."
                )
                % values,
            )

        notify(person, MENTORSHIP_ENDED, message=message)
