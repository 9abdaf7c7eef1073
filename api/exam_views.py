"""The final exam through the API, over the exam page's services and selectors: its
rules and status for one of the student's enrolments, starting an attempt, handing in
the answers, and her attempts. The page's refusals, as problem documents."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.page_locales import active_locale, localize_pages
from enrolment.assessments import selectors as exams
from enrolment.assessments import services as exam_services
from enrolment.assessments.reader import final_assessment
from enrolment.errors import InvalidAnswer, LearningError, NotEnrolled
from enrolment.models import Enrolment, ExamAttempt

from . import exam_serializers
from .base import ApiView


def refused(error):
    """A refusal of the exam's services, with its own translated message: a stranger's
    attempt is not found, wrong answers are bad input, the rest is not allowed."""
    if isinstance(error, NotEnrolled):
        return exceptions.NotFound(error.message)
    if isinstance(error, InvalidAnswer):
        return exceptions.ValidationError({"answers": [error.message]})
    return exceptions.PermissionDenied(error.message)


def my_enrolment(user, pk):
    """Her enrolment with this id (anybody else's is not found)."""
    enrolment = (
        Enrolment.objects.filter(pk=pk, user=user)
        .exclude(status=Enrolment.Status.REVOKED)
        .select_related("course__locale")
        .first()
    )
    if enrolment is None:
        raise exceptions.NotFound(_("Enrol in this course first."))
    return enrolment


def wording(course, assessment):
    """The course and its assessment in the reader's language (the rules stay the
    French course's)."""
    shown = exams.shown_course(course)
    return shown, final_assessment(shown) or assessment


class ExamStatus(ApiView):
    """The exam's rules and where she stands: may she start, and if not, when."""

    serializer_class = exam_serializers.ExamStatusSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        enrolment = my_enrolment(request.user, pk)
        state = exams.exam_state(user=request.user, course=enrolment.course)
        if state is None:
            raise exceptions.NotFound(_("This course has no final assessment."))
        shown, words = wording(enrolment.course, state["assessment"])
        return Response(
            self.get_serializer({**state, "course": shown, "instructions": words.instructions}).data
        )


class ExamStart(ApiView):
    """Starts an attempt (or gives back the running one): the questions drawn, without
    their answers, and the deadline."""

    serializer_class = exam_serializers.ExamSittingSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None)
    def post(self, request, pk):
        enrolment = my_enrolment(request.user, pk)
        try:
            attempt = exam_services.start_exam(user=request.user, course=enrolment.course)
        except LearningError as error:
            raise refused(error) from error
        assessment = final_assessment(enrolment.course)
        _shown, words = wording(enrolment.course, assessment)
        attempt.questions = exams.questions_shown(attempt, assessment, words)
        return Response(self.get_serializer(attempt).data)


def with_shown_courses(attempts):
    """Each attempt's course in the reader's language, as `shown_course` (one query)."""
    courses = localize_pages([a.enrolment.course for a in attempts], active_locale())
    for attempt, course in zip(attempts, courses, strict=True):
        attempt.shown_course = course
    return attempts


class ExamAnswers(ApiView):
    """Hands in the answers of her running attempt: graded on the server, as the page
    grades them. Too late, the attempt is kept as expired and the answers refused."""

    serializer_class = exam_serializers.ExamResultSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=exam_serializers.ExamAnswersSerializer)
    def post(self, request, pk):
        attempt = (
            ExamAttempt.objects.filter(pk=pk, enrolment__user=request.user)
            .select_related("enrolment__course")
            .first()
        )
        if attempt is None:
            raise exceptions.NotFound(_("This exam attempt is not yours."))
        answers = exam_serializers.ExamAnswersSerializer(data=request.data)
        answers.is_valid(raise_exception=True)
        course = attempt.enrolment.course
        try:
            attempt = exam_services.submit_exam(
                user=request.user,
                course=course,
                attempt_id=attempt.pk,
                answers=answers.validated_data["answers"],
            )
        except LearningError as error:
            raise refused(error) from error
        attempt.enrolment.course = course
        with_shown_courses([attempt])
        attempt.outcome = exams.outcome_of(attempt.enrolment)
        return Response(self.get_serializer(attempt).data)


class MyExamAttempts(ApiView, generics.ListAPIView):
    """Her exam attempts in every course, newest first."""

    serializer_class = exam_serializers.ExamAttemptSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            ExamAttempt.objects.filter(enrolment__user=self.request.user)
            .select_related("enrolment__course")
            .order_by("-started_at", "-pk")
        )

    def paginate_queryset(self, queryset):
        return with_shown_courses(super().paginate_queryset(queryset))
