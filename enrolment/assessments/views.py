"""The exam page: start an attempt, answer the questions drawn, hand in. Thin: each
calls one service; a refusal shows its translated message and stores nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import LearningError, NotEnrolled
from ..grading import answers_from_post
from ..pages import course_model
from . import services
from .reader import final_assessment
from .selectors import exam_state, questions_shown, shown_course


def _course_or_404(course_id):
    # Its locale with it: canonical() then knows a French course without a query.
    course = course_model().objects.live().select_related("locale").filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course


def _page(request, course, *, error=None, status=200):
    state = exam_state(user=request.user, course=course)
    shown = shown_course(course)
    context = {"course": shown, "state": state, "error": error}
    if state:
        wording = final_assessment(shown) or state["assessment"]
        context["instructions"] = wording.instructions
    if state and state["current"]:
        context["questions"] = questions_shown(state["current"], state["assessment"], wording)
    if state is None and status == 200:
        status = 404
        context["error"] = (
            _("Enrol in this course first.")
            if final_assessment(course)
            else _("This course has no final assessment.")
        )
    return render(request, "enrolment/exam.html", context, status=status)


def _refused(request, course, error):
    status = 404 if isinstance(error, NotEnrolled) else 403
    return _page(request, course, error=error.message, status=status)


@login_required
def exam(request, course_id):
    return _page(request, _course_or_404(course_id))


@login_required
@require_POST
def start(request, course_id):
    course = _course_or_404(course_id)
    try:
        services.start_exam(user=request.user, course=course)
    except LearningError as error:
        return _refused(request, course, error)
    return redirect("learning:exam", course_id=course.pk)


@login_required
@require_POST
def hand_in(request, course_id, attempt_id):
    course = _course_or_404(course_id)
    try:
        attempt = services.submit_exam(
            user=request.user,
            course=course,
            attempt_id=attempt_id,
            answers=answers_from_post(request.POST),
        )
    except LearningError as error:
        return _refused(request, course, error)
    if attempt.status == attempt.Status.PASSED:
        messages.success(
            request,
            _("Exam passed with %(score)d %%. Well done!") % {"score": attempt.score_percent},
        )
    else:
        messages.info(
            request,
            _("Exam not passed: %(score)d %%. You can try again in 24 hours.")
            % {"score": attempt.score_percent},
        )
    return redirect("learning:exam", course_id=course.pk)
