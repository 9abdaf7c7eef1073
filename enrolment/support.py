"""Learning on the support panel: a person's enrolments with their progress and her
latest exam attempts; enrolling her by hand and granting her an extra exam attempt
(registered with accounts.support from EnrolmentConfig.ready)."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.support import registry

from . import selectors, services
from .assessments import selectors as exam_selectors
from .assessments import services as exam_services
from .errors import LearningError
from .models import Enrolment, ExamAttempt

# The enrol action's target: the course is chosen in its form, not in the link.
A_COURSE = "course"


class EnrolForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=None,
        error_messages={"required": gettext_lazy("Choose the course.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.courses_to_enrol_in()


def _find(person, target_id):
    return A_COURSE if target_id == A_COURSE else None


def _describe(target, data):
    course = data.get("course")
    return course.title if course else _("A course of your choice")


def _open_enrolment(person, course):
    return (
        Enrolment.objects.filter(user=person, course=course)
        .exclude(status=Enrolment.Status.REVOKED)
        .first()
    )


def _consequence(target, data):
    return _("“%(course)s” opens to the person at once, as added by a moderator.") % {
        "course": data["course"].title
    }


def _enrol(*, person, target, reason, by, data):
    course = data["course"]
    if _open_enrolment(person, course) is not None:
        raise registry.ActionRefused(
            _("%(person)s is already enrolled in “%(course)s”.")
            % {"person": person, "course": course.title}
        )
    services.enrol(user=person, course=course, source=Enrolment.Source.MANUAL)
    return _("%(person)s is enrolled in “%(course)s”.") % {"person": person, "course": course.title}


def _find_attempt(person, target_id):
    if not target_id.isdigit():
        return None
    return (
        ExamAttempt.objects.select_related("enrolment__course")
        .filter(pk=int(target_id), enrolment__user=person)
        .first()
    )


def _describe_attempt(attempt, data):
    return _("Exam attempt of %(when)s in “%(course)s”") % {
        "when": formats.date_format(timezone.localtime(attempt.started_at), "DATETIME_FORMAT"),
        "course": attempt.enrolment.course.title,
    }


def _lift_wait(*, person, target, reason, by, data):
    try:
        exam_services.lift_wait(attempt_id=target.pk, person=person, by=by)
    except LearningError as error:
        raise registry.ActionRefused(error.message) from error
    return _("%(person)s may start a new attempt at the exam of “%(course)s” now.") % {
        "person": person,
        "course": target.enrolment.course.title,
    }


def register():
    registry.register_section(
        registry.Section(
            key="learning",
            label=gettext_lazy("Enrolments and progress"),
            template="enrolment/support/section.html",
            load=lambda person: {
                "enrolments": selectors.enrolments_for_support(person),
                "exam_attempts": exam_selectors.attempts_for_support(person),
            },
            order=10,
        )
    )
    registry.register_action(
        registry.Action(
            key="enrol",
            label=gettext_lazy("Enrol by hand"),
            find=_find,
            describe=_describe,
            consequence=_consequence,
            perform=_enrol,
            form_class=EnrolForm,
        )
    )
    registry.register_action(
        registry.Action(
            key="exam_retake",
            label=gettext_lazy("Grant one extra exam attempt"),
            find=_find_attempt,
            describe=_describe_attempt,
            consequence=lambda attempt, data: _(
                "The 24-hour wait after this attempt is lifted, once: the person may start "
                "the exam again at once."
            ),
            perform=_lift_wait,
        )
    )
