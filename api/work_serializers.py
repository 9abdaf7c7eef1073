"""What the API shows and accepts about practice work (handed in by students, decided
on by their instructor) and about an instructor's students. Shapes only: enrolment's
services check the photos (core.photos) and the assignment."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core import photos
from enrolment.models import Enrolment, Submission, SubmissionVideo
from enrolment.practice_video import MAX_VIDEO_BYTES
from enrolment.selectors import MAX_PHOTOS_PER_SUBMISSION

from .serializers import PageBriefSerializer, StrictSerializer

# The lesson page's own limit on the note (enrolment.views.hand_in).
MAX_NOTE_LENGTH = 2000
# The teaching page's own limit on the verdict's comments (enrolment.teaching_views.decide).
MAX_VERDICT_COMMENT_LENGTH = 4000


class PracticeWorkSerializer(StrictSerializer):
    """Practice work to hand in (multipart/form-data): the assignment's id (a lesson's
    `assignments`), a note to the reviewers, and the photos, each checked as on the
    lesson page (JPEG, PNG, HEIC or WebP, 10 MB and 64 megapixels at most), and or
    instead of them one short video (1 minute and 25 MB at most, checked by content)."""

    assignment = serializers.CharField(max_length=64)
    note = serializers.CharField(max_length=MAX_NOTE_LENGTH, required=False, allow_blank=True)
    photos = serializers.ListField(
        child=serializers.FileField(max_length=255, allow_empty_file=False),
        required=False,
        default=list,
        max_length=MAX_PHOTOS_PER_SUBMISSION,
    )
    video = serializers.FileField(max_length=255, allow_empty_file=False, required=False)

    def to_internal_value(self, data):
        # A multipart form repeats "photos" once per file: read them all, not the last.
        if hasattr(data, "getlist"):
            data = {**data.dict(), "photos": data.getlist("photos")}
        return super().to_internal_value(data)


class WorkPhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField())
    def get_url(self, photo):
        """The photo, opened with the session token (`work-photos/{id}/`)."""
        path = reverse("api:work_photo", args=[photo.pk])
        return self.context["request"].build_absolute_uri(path)


class WorkVideoSerializer(serializers.Serializer):
    """A practice video: `processing` until the task has made the small MP4 and poster."""

    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=SubmissionVideo.State.choices)
    duration_seconds = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    poster_url = serializers.SerializerMethodField()

    def _address(self, video, part):
        if not video.is_ready:
            return None
        path = reverse("api:work_video", args=[video.pk, part])
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, video):
        """The MP4, opened with the session token (`work-videos/{id}/mp4/`), once ready."""
        return self._address(video, "mp4")

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_poster_url(self, video):
        """Its poster (WebP), opened with the session token, once ready."""
        return self._address(video, "poster")


class SubmissionSerializer(serializers.Serializer):
    """Practice work as its author sees it."""

    id = serializers.IntegerField()
    lesson = PageBriefSerializer(source="shown_lesson")
    assignment = serializers.CharField(source="assignment_id")
    status = serializers.ChoiceField(choices=Submission.Status.choices)
    note = serializers.CharField(allow_blank=True)
    submitted_at = serializers.DateTimeField()
    verdict_comment = serializers.CharField(allow_blank=True)
    verdict_at = serializers.DateTimeField(allow_null=True)
    photos = WorkPhotoSerializer(many=True)
    video = serializers.SerializerMethodField()

    @extend_schema_field(WorkVideoSerializer(allow_null=True))
    def get_video(self, submission):
        video = getattr(submission, "video", None)  # None when she handed in photos only
        return WorkVideoSerializer(video, context=self.context).data if video else None


class StudentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        # As the instructor's pages name her: her name, else her e-mail address.
        return user.get_full_name() or user.email


class WorkToDecideSerializer(serializers.Serializer):
    """Practice work waiting for the instructor (or still for peers)."""

    id = serializers.IntegerField()
    student = StudentSerializer(source="enrolment.user")
    course = PageBriefSerializer(source="enrolment.course")
    lesson = PageBriefSerializer()
    assignment = serializers.CharField(source="assignment_id")
    status = serializers.ChoiceField(choices=Submission.Status.choices)
    note = serializers.CharField(allow_blank=True)
    submitted_at = serializers.DateTimeField()
    photos = WorkPhotoSerializer(many=True)


class DecidedWorkSerializer(WorkToDecideSerializer):
    """Practice work with the instructor's verdict."""

    verdict_comment = serializers.CharField(allow_blank=True)
    verdict_at = serializers.DateTimeField(allow_null=True)


class VerdictSerializer(StrictSerializer):
    """The instructor's verdict, as on her teaching page: accepted (it can complete the
    lesson) or to do again, with her comments for the student."""

    verdict = serializers.ChoiceField(choices=["accept", "retry"])
    comment = serializers.CharField(
        max_length=MAX_VERDICT_COMMENT_LENGTH, required=False, allow_blank=True, default=""
    )


class TaughtCourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    students = serializers.IntegerField()
    work_waiting = serializers.IntegerField()


class StudentProgressSerializer(serializers.Serializer):
    """One enrolment in a course the instructor teaches, with its progress."""

    id = serializers.IntegerField()
    student = StudentSerializer(source="user")
    status = serializers.ChoiceField(choices=Enrolment.Status.choices)
    enrolled_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    lessons_done = serializers.IntegerField(source="done")
    lessons_total = serializers.IntegerField(source="total")
    percent = serializers.IntegerField()


def upload_body_limit():
    """Bytes a hand-in may hold: every photo and the video at their largest, and room
    for the rest."""
    return MAX_PHOTOS_PER_SUBMISSION * photos.MAX_UPLOAD_BYTES + MAX_VIDEO_BYTES + 64 * 1024
