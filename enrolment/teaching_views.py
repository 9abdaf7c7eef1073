"""The instructor's side: students of their courses, progress, work to decide on."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.roles import is_moderator

from . import grading, prerequisites, selectors, services, similarity_looks
from .assessments.reader import final_assessment
from .errors import LearningError
from .models import PrerequisiteWaiver


@login_required
def dashboard(request):
    courses = selectors.courses_with_student_counts(request.user)
    if not courses and not is_moderator(request.user):
        raise Http404
    to_decide = selectors.work_to_decide([c.pk for c in courses])
    return render(
        request, "enrolment/teaching/dashboard.html", {"courses": courses, "to_decide": to_decide}
    )


@login_required
def course_students(request, course_id):
    course = get_object_or_404(selectors.courses_taught(request.user), pk=course_id)
    enrolments = selectors.students_progress(course)
    return render(
        request,
        "enrolment/teaching/course_students.html",
        {"course": course, "enrolments": enrolments},
    )


@login_required
def decide(request, submission_id):
    submission = selectors.work_she_decides(user=request.user, submission_id=submission_id)
    if submission is None:
        raise Http404
    course = submission.enrolment.course
    lesson = submission.lesson.specific
    if request.method == "POST":
        try:
            services.decide_submission(
                decided_by=request.user,
                submission=submission,
                accepted=request.POST.get("verdict") == "accept",
                comment=request.POST.get("comment", "")[:4000],
                scores=grading.posted_rubric(request.POST),
            )
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your verdict has been sent to the student."))
            return redirect("teaching:dashboard")
    return render(
        request,
        "enrolment/teaching/decide.html",
        {
            "submission": submission,
            "assignment": selectors.assignment_of(submission, lesson),
            "assessment": final_assessment(course),
            "rubric_scores": grading.RUBRIC_SCORES,
            "peer_reviews": submission.peer_reviews.all(),
            "similarity": similarity_looks.similarity_for(user=request.user, submission=submission),
        },
    )


@login_required
def waive_prerequisite(request, course_id):
    """The instructor (or a moderator) lets one student, named by her e-mail, enrol
    without one prerequisite, and says why; the waivers given are listed."""
    course = get_object_or_404(selectors.courses_taught(request.user), pk=course_id)
    required = prerequisites.required_courses(course)
    if request.method == "POST":
        student = (
            get_user_model()
            .objects.filter(email__iexact=request.POST.get("email", "").strip())
            .first()
        )
        prerequisite = next(
            (page for page in required if str(page.pk) == request.POST.get("prerequisite")), None
        )
        try:
            if student is None:
                raise LearningError(_("No account uses this e-mail address."))
            if prerequisite is None:
                raise LearningError(_("Choose one of this course's prerequisites."))
            prerequisites.waive_prerequisite(
                by=request.user,
                user=student,
                course=course,
                prerequisite=prerequisite,
                reason=request.POST.get("reason", "")[: prerequisites.MAX_REASON_LENGTH + 1],
            )
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The prerequisite is waived: the student can enrol."))
            return redirect("teaching:waive_prerequisite", course_id=course.pk)
    waivers = PrerequisiteWaiver.objects.filter(course=course).select_related(
        "user", "prerequisite", "waived_by"
    )
    return render(
        request,
        "enrolment/teaching/waive_prerequisite.html",
        {"course": course, "required": required, "waivers": waivers},
    )
