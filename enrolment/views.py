"""Student-facing learning views. Thin: they parse input, call a service, and
show its answer. Every refusal is a translated message and changes nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import cache_tags
from core.private_files import serve_private
from core.rate_limits import rate_limit
from core.roles import is_moderator, teaches

from . import adaptive, grading, offline_sync, selectors, services, similarity_looks
from .access import subscription_opens
from .errors import LearningError
from .grading import answers_from_post
from .models import OfflineAction, Submission
from .motivation.kept import kept_motivation_for
from .my_learning_kept import kept_lists, kept_version, lists_tags
from .pages import course_model, lesson_model
from .recommendations import recommended_for
from .reviews_waiting import reviews_waiting
from .reviews_waiting import tags as reviews_waiting_tags


def _lesson_or_404(lesson_id):
    lesson = lesson_model().objects.live().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404
    return lesson


@login_required
def my_learning(request):
    # The versions of all that is kept below, read in one round trip.
    cache_tags.current_versions((*lists_tags(request.user), *reviews_waiting_tags(request.user)))
    enrolments, shown_enrolments, my_work = kept_lists(request.user)
    recommended = recommended_for(request.user, enrolments=enrolments)
    context = {
        "enrolments": shown_enrolments,
        "reviews_waiting": reviews_waiting(request.user),
        "my_work": my_work,
        "recommended": recommended,
        "motivation": kept_motivation_for(request.user),
        # Her courses, recommendations and work are kept rendered for her alone, under
        # what they are drawn from: her lists' version, and the recommendations shown.
        "kept_version": kept_version(request.user),
        "recommended_key": "|".join(f"{r.course.pk}:{r.reason}" for r in recommended),
    }
    return render(request, "enrolment/my_learning.html", context)


@require_http_methods(["GET", "POST"])
def enrol(request, course_id):
    """POST enrols. GET is where login and sign-up send her back (`next`): it only asks
    "Start this course?" with one button, so the intent survives and a GET never enrols."""
    course = get_object_or_404(course_model().objects.live(), pk=course_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.path)
    subscribed = not course.is_free and subscription_opens(request.user, course)
    if request.method == "GET":
        if not (course.is_free or subscribed) or selectors.enrolment_for(
            user=request.user, course=course
        ):
            return redirect(course.url)
        return render(request, "enrolment/enrol_confirm.html", {"course": course})
    enrol_service = services.enrol_with_subscription if subscribed else services.enrol_free
    try:
        enrolment, created = enrol_service(user=request.user, course=course)
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(course.url)
    if created:
        messages.success(request, _("You are enrolled. Enjoy the course!"))
    first = course.lessons[0] if course.lessons else None
    return redirect(first.url if first else course.url)


@login_required
@require_POST
def mark_done(request, lesson_id):
    lesson = _lesson_or_404(lesson_id)
    try:
        _done, earlier = offline_sync.once_per_form_key(
            user=request.user,
            post=request.POST,
            kind=OfflineAction.Kind.LESSON_DONE,
            lesson=lesson,
            act=lambda: services.mark_complete(user=request.user, lesson=lesson),
        )
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    if earlier is None:
        messages.success(request, _("Lesson complete. Well done!"))
    else:
        messages.info(request, earlier.message)
    following = selectors.next_lesson(lesson)
    return redirect(following.url if following else lesson.course.url)


@login_required
@require_POST
def quiz(request, lesson_id, quiz_id):
    lesson = _lesson_or_404(lesson_id)
    try:
        attempt, earlier = offline_sync.once_per_form_key(
            user=request.user,
            post=request.POST,
            kind=OfflineAction.Kind.QUIZ_ANSWER,
            lesson=lesson,
            act=lambda: services.submit_quiz(
                user=request.user,
                lesson=lesson,
                quiz_id=quiz_id,
                answers=answers_from_post(request.POST),
            ),
        )
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    if earlier is not None:  # this answer was already graded: say how it went
        messages.info(request, earlier.message)
        return redirect(lesson.url)
    advice = adaptive.after_quiz(user=request.user, lesson=lesson, attempt=attempt)
    return render(
        request,
        "enrolment/quiz_result.html",
        {
            "attempt": attempt,
            "lesson": lesson,
            "page": lesson,
            "course": lesson.course,
            "advice": advice,
        },
    )


@login_required
@require_POST
@rate_limit("RATELIMIT_PRACTICE_WORK", key="user")
def hand_in(request, lesson_id, assignment_id):
    lesson = _lesson_or_404(lesson_id)
    try:
        submission = services.submit_assignment(
            user=request.user,
            lesson=lesson,
            assignment_id=assignment_id,
            note=request.POST.get("note", "")[:2000],
            uploads=request.FILES.getlist("photos"),
            video=request.FILES.get("video"),
        )
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    messages.success(
        request, _("Your work is handed in. Two classmates and your instructor will review it.")
    )
    return redirect("learning:my_submission", submission_id=submission.pk)


@login_required
def review_queue(request):
    waiting = selectors.with_shown_lessons(selectors.submissions_to_review(user=request.user)[:20])
    return render(request, "enrolment/review_queue.html", {"waiting": waiting})


@login_required
def peer_review(request, submission_id):
    submission = selectors.submissions_to_review(user=request.user).filter(pk=submission_id).first()
    if submission is None:
        raise Http404
    lesson = submission.lesson.specific
    assignment = selectors.assignment_of(submission, lesson)
    if request.method == "POST":
        try:
            services.review_submission(
                reviewer=request.user,
                submission=submission,
                scores=grading.rubric_scores(
                    assignment.criteria, grading.posted_rubric(request.POST)
                ),
                comment=request.POST.get("comment", "")[:2000],
            )
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you for your review."))
            return redirect("learning:review_queue")
    return render(
        request,
        "enrolment/peer_review.html",
        {
            "submission": submission,
            "assignment": assignment,
            "lesson": lesson,
            "similarity": similarity_looks.similarity_for(user=request.user, submission=submission),
        },
    )


@login_required
def my_submission(request, submission_id):
    submission = get_object_or_404(
        Submission.objects.select_related("lesson", "enrolment__course"),
        pk=submission_id,
        enrolment__user=request.user,
    )
    course = submission.enrolment.course
    show_peers = selectors.can_see_peer_feedback(user=request.user, course=course)
    return render(
        request,
        "enrolment/my_submission.html",
        {
            "submission": submission,
            "peer_reviews": submission.peer_reviews.all() if show_peers else None,
            "reviews_to_give": max(
                0,
                selectors.REVIEWS_TO_GIVE_BEFORE_FEEDBACK
                - selectors.reviews_given(user=request.user, course=course),
            ),
        },
    )


def submission_photo(request, photo_id):
    photo = selectors.photo_she_may_see(request.user, photo_id)
    if photo is None:
        raise Http404
    return serve_private(request, photo.image, content_type="image/webp")


def submission_video(request, video_id, part):
    """A practice video's MP4 or poster, once prepared, to those who may see the work."""
    found = selectors.video_part_she_may_see(request.user, video_id, part)
    if found is None:
        raise Http404
    file, content_type = found
    return serve_private(request, file, content_type=content_type)


@login_required
def open_work(request, submission_id):
    """Where practice work is shown to this person: her own page, the instructor's
    review page, or the classmate's review form (reports send people back here)."""
    submission = get_object_or_404(
        Submission.objects.select_related("enrolment__course__instructor"), pk=submission_id
    )
    if submission.enrolment.user_id == request.user.pk:
        return redirect("learning:my_submission", submission_id=submission.pk)
    if teaches(request.user, submission.enrolment.course) or is_moderator(request.user):
        return redirect("teaching:decide", submission_id=submission.pk)
    if selectors.submissions_to_review(user=request.user).filter(pk=submission.pk).exists():
        return redirect("learning:peer_review", submission_id=submission.pk)
    return redirect("learning:review_queue")
