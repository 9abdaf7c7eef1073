"""Practice work through the API: hand it in (multipart, the lesson page's service and
photo checks), and follow one's own; anybody else's work is not found."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from enrolment import selectors
from enrolment import services as learning
from enrolment.errors import InvalidUpload, InvalidVideo, LearningError
from enrolment.models import Submission

from . import work_serializers
from .base import ApiView
from .views import live_lesson, refused


def shown(submissions):
    """Practice work with its lesson in the reader's language, its photos and video, in
    a fixed number of queries."""
    submissions = selectors.with_shown_lessons(submissions)
    prefetch_related_objects(submissions, "photos", "video")
    return submissions


def my_submission(user, pk):
    """The person's own practice work with this id, as its page finds it."""
    found = shown(
        Submission.objects.filter(pk=pk, enrolment__user=user).select_related(
            "lesson", "enrolment__course"
        )
    )
    if not found:
        raise Http404
    return found[0]


class MyWork(ApiView, generics.ListAPIView):
    """The signed-in student's latest practice work, newest first, with its state."""

    serializer_class = work_serializers.SubmissionSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return shown(selectors.my_submissions(self.request.user))


class MyWorkItem(ApiView):
    serializer_class = work_serializers.SubmissionSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        return Response(self.get_serializer(my_submission(request.user, pk)).data)


class LessonWork(ApiView):
    """Hands in practice work for one of the lesson's assignments, as its page does."""

    serializer_class = work_serializers.SubmissionSerializer
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]
    max_body_bytes = work_serializers.upload_body_limit()

    @extend_schema(
        request={"multipart/form-data": work_serializers.PracticeWorkSerializer},
        responses={201: work_serializers.SubmissionSerializer},
    )
    def post(self, request, pk):
        lesson = live_lesson(pk)
        work = work_serializers.PracticeWorkSerializer(data=request.data)
        work.is_valid(raise_exception=True)
        try:
            submission = learning.submit_assignment(
                user=request.user,
                lesson=lesson,
                assignment_id=work.validated_data["assignment"],
                note=work.validated_data.get("note", ""),
                uploads=work.validated_data["photos"],
                video=work.validated_data.get("video"),
            )
        except InvalidVideo as error:
            raise exceptions.ValidationError({"video": [error.message]}) from error
        except InvalidUpload as error:
            raise exceptions.ValidationError({"photos": [error.message]}) from error
        except LearningError as error:
            raise refused(error) from error
        shown_submission = my_submission(request.user, submission.pk)
        return Response(self.get_serializer(shown_submission).data, status=status.HTTP_201_CREATED)
