"""The instructor's side through the API: her courses' students and their progress,
and the practice work waiting for her; what her teaching pages show, from the same
selectors. A course she does not teach is not found."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.roles import is_moderator
from enrolment import selectors
from enrolment import services as learning
from enrolment.errors import LearningError

from . import work_serializers
from .base import ApiView
from .problems import Conflict


def courses_or_refusal(user):
    """Her courses; someone who teaches none (and no moderator) has no teaching side,
    as on the teaching pages."""
    courses = selectors.courses_with_student_counts(user)
    if not courses and not is_moderator(user):
        raise exceptions.PermissionDenied(_("Only the instructors of a course can see this."))
    return courses


class TaughtCourses(ApiView, generics.ListAPIView):
    """The courses the signed-in instructor teaches, each with its number of students
    and of practice work waiting for a decision."""

    serializer_class = work_serializers.TaughtCourseSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        courses = courses_or_refusal(self.request.user)
        waiting = selectors.waiting_work_counts([course.pk for course in courses])
        for course in courses:
            course.work_waiting = waiting.get(course.pk, 0)
        return courses


class CourseStudents(ApiView, generics.ListAPIView):
    """The students of one of her courses with their progress, by name."""

    serializer_class = work_serializers.StudentProgressSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        course = selectors.courses_taught(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if course is None:
            raise Http404
        return selectors.students_progress(course)


class WorkToDecide(ApiView, generics.ListAPIView):
    """Practice work of her courses waiting for her verdict, then for peers, oldest
    first."""

    serializer_class = work_serializers.WorkToDecideSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        courses = courses_or_refusal(self.request.user)
        return selectors.work_to_decide([course.pk for course in courses])

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        prefetch_related_objects(page, "photos")
        return page


def work_she_decides(user, pk):
    """Practice work she may give her verdict on, as her decision page finds it
    (enrolment's selector); anybody else's is not found."""
    submission = selectors.work_she_decides(user=user, submission_id=pk)
    if submission is None:
        raise Http404
    return submission


class WorkVerdict(ApiView):
    """Her verdict on practice work waiting for a decision, through the teaching page's
    service: the student is told, and accepted work can complete the lesson."""

    serializer_class = work_serializers.DecidedWorkSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=work_serializers.VerdictSerializer)
    def post(self, request, pk):
        submission = work_she_decides(request.user, pk)
        verdict = work_serializers.VerdictSerializer(data=request.data)
        verdict.is_valid(raise_exception=True)
        try:
            learning.decide_submission(
                decided_by=request.user,
                submission=submission,
                accepted=verdict.validated_data["verdict"] == "accept",
                comment=verdict.validated_data["comment"],
            )
        except LearningError as error:
            raise Conflict(error.message) from error
        decided = work_she_decides(request.user, pk)
        prefetch_related_objects([decided], "photos")
        return Response(self.get_serializer(decided).data)
