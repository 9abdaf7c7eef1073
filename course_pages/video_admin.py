"""Admin pieces for lesson videos: the upload form that refuses non-videos, listing
columns, and the create / edit / retry views used by the snippet viewset."""

import tempfile
from contextlib import contextmanager
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView

from core import video_processing
from core.roles import is_moderator
from course_pages import video_services
from course_pages.models import LessonVideo
from course_pages.templatetags.video_tags import megabytes, video_duration

VIDEO_EXTENSIONS = ("mp4", "m4v", "mov", "webm", "3gp", "3g2", "mkv", "avi", "mpg", "mpeg", "ts")
# Phones and some browsers send no type, or a generic one, for perfectly good videos.
NEUTRAL_CONTENT_TYPES = ("", "application/octet-stream", "binary/octet-stream")
# The JS upload asks for a small JSON answer instead of following the redirect,
# so the "saved" message survives until the next page.
UPLOAD_PROGRESS_HEADER = "X-Upload-Progress"


def max_upload_bytes():
    return int(settings.LESSON_VIDEO_MAX_UPLOAD_MB * 1_000_000)  # decimal, like the labels


def may_manage(user, video):
    """Moderators manage every video; instructors the ones they uploaded."""
    return is_moderator(user) or (user.is_authenticated and video.uploaded_by_id == user.pk)


def visible_videos(user):
    videos = LessonVideo.objects.select_related("uploaded_by")
    return videos if is_moderator(user) else videos.filter(uploaded_by=user)


class LessonVideoForm(WagtailAdminModelForm):
    class Meta:
        model = LessonVideo
        fields = ["title", "original"]
        # No "Currently: <link>": private files have no public URL.
        widgets = {"original": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["original"]
        field.widget.attrs.update(
            {
                "accept": "video/*," + ",".join(f".{ext}" for ext in VIDEO_EXTENSIONS),
                "data-max-bytes": str(max_upload_bytes()),
                "data-too-big-message": self.too_big_message(),
            }
        )
        field.help_text = _(
            "MP4, MOV, WebM, 3GP or MKV, up to %(limit)s MB. Students get a light 360p "
            "copy and an HD 720p copy, made automatically."
        ) % {"limit": settings.LESSON_VIDEO_MAX_UPLOAD_MB}

    @staticmethod
    def too_big_message():
        return _("This file is too big: videos may be at most %(limit)s MB.") % {
            "limit": settings.LESSON_VIDEO_MAX_UPLOAD_MB
        }

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        if not isinstance(upload, UploadedFile):
            return upload  # editing without choosing a new file
        extension = Path(upload.name).suffix.lower().lstrip(".")
        content_type = (upload.content_type or "").split(";")[0].strip().lower()
        if extension not in VIDEO_EXTENSIONS or not (
            content_type.startswith("video/") or content_type in NEUTRAL_CONTENT_TYPES
        ):
            raise forms.ValidationError(
                _("“%(name)s” is not a video file. Upload an MP4, MOV, WebM, 3GP or MKV video."),
                code="not_a_video",
                params={"name": upload.name},
            )
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                _(
                    "This file is %(size)s; videos may be at most %(limit)s MB. "
                    "Shorten it or export it at a lower quality."
                ),
                code="too_big",
                params={
                    "size": megabytes(upload.size),
                    "limit": settings.LESSON_VIDEO_MAX_UPLOAD_MB,
                },
            )
        with _local_path(upload, suffix=f".{extension}") as path:
            try:
                video_processing.probe(path)
            except video_processing.VideoProcessingError as error:
                raise forms.ValidationError(error.message, code="unreadable") from error
        return upload


def edit_handler():
    return ObjectList(
        [FieldPanel("title"), FieldPanel("original")], base_form_class=LessonVideoForm
    )


@contextmanager
def _local_path(upload, *, suffix):
    """Big uploads already sit in a temporary file; small ones are in memory."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    with tempfile.TemporaryDirectory(prefix="bsa-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        upload.seek(0)
        yield path


class StatusColumn(Column):
    """Status, the reason of a failure, and a Retry button for those allowed."""

    cell_template_name = "course_pages/admin/video_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request)
        context["can_retry"] = instance.status == LessonVideo.Status.FAILED and may_manage(
            request.user, instance
        )
        context["retry_url"] = reverse(
            LessonVideo.snippet_viewset.get_url_name("retry"), args=[instance.pk]
        )
        context["next_url"] = request.get_full_path()
        return context


def listing_columns():
    return [
        "title",
        StatusColumn("status", label=gettext_lazy("Status"), sort_key="status"),
        Column(
            "duration_seconds",
            label=gettext_lazy("Duration"),
            accessor=lambda video: video_duration(video.duration_seconds),
        ),
        Column(
            "size_360",
            label=gettext_lazy("Data-saver 360p"),
            accessor=lambda video: megabytes(video.size_360),
        ),
        Column(
            "size_720",
            label=gettext_lazy("HD 720p"),
            accessor=lambda video: megabytes(video.size_720),
        ),
        Column("uploaded_by", label=gettext_lazy("Uploaded by")),
    ]


class OwnVideosMixin:
    """Instructors reach only the videos they uploaded."""

    def get_queryset(self):
        return visible_videos(self.request.user)


class JsonAfterUploadMixin:
    def save_action(self):
        response = super().save_action()
        if self.request.headers.get(UPLOAD_PROGRESS_HEADER) and response.status_code == 302:
            return JsonResponse({"redirect": response.url})
        return response


class VideoCreateView(JsonAfterUploadMixin, CreateView):
    def save_instance(self):
        self.form.instance.uploaded_by = self.request.user
        video = super().save_instance()
        video_services.queue_transcode(video)
        return video


class VideoEditView(OwnVideosMixin, JsonAfterUploadMixin, EditView):
    def save_instance(self):
        previous_original = (
            LessonVideo.objects.filter(pk=self.object.pk).values_list("original", flat=True).get()
        )
        video = super().save_instance()
        if "original" in self.form.changed_data:
            video = video_services.original_replaced(
                video=video, previous_original=previous_original
            )
        return video

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_retry"] = self.object.status == LessonVideo.Status.FAILED and may_manage(
            self.request.user, self.object
        )
        context["retry_url"] = reverse(
            LessonVideo.snippet_viewset.get_url_name("retry"), args=[self.object.pk]
        )
        return context


class VideoDeleteView(OwnVideosMixin, DeleteView):
    pass


class RetryView(View):
    http_method_names = ["post"]

    def post(self, request, pk):
        video = get_object_or_404(LessonVideo, pk=pk)
        if not may_manage(request.user, video):
            raise PermissionDenied
        try:
            video_services.retry_video(video)
        except video_services.VideoStateError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("“%(title)s” is back in the queue; it will be ready in a few minutes.")
                % {"title": video.title},
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse(LessonVideo.snippet_viewset.get_url_name("edit"), args=[pk])
        return redirect(next_url)
