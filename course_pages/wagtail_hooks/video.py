"""Admin hooks: video. Lesson videos as a snippet with their own "Videos" menu item,
upload checks and a progress bar, and a Retry action for failed processing."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from course_pages import video_admin, video_files
from course_pages.models import LessonVideo


class LessonVideoViewSet(SnippetViewSet):
    model = LessonVideo
    icon = "media"
    menu_label = _("Videos")
    menu_name = "videos"
    menu_order = 250
    add_to_admin_menu = True
    # A copy would share the original's files: deleting one would break the other.
    copy_view_enabled = False
    list_display = video_admin.listing_columns()
    list_filter = ["status"]
    search_fields = ["title"]
    ordering = ["-created_at"]
    add_view_class = video_admin.VideoCreateView
    edit_view_class = video_admin.VideoEditView
    delete_view_class = video_admin.VideoDeleteView
    create_template_name = "course_pages/admin/lesson_video_create.html"
    edit_template_name = "course_pages/admin/lesson_video_edit.html"
    edit_handler = video_admin.edit_handler()

    def get_queryset(self, request):
        return video_admin.visible_videos(request.user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", video_admin.RetryView.as_view(), name="retry"),
        ]


register_snippet(LessonVideoViewSet)


@hooks.register("after_delete_snippet")
def delete_files_of_deleted_videos(request, instances):
    for instance in instances:
        if isinstance(instance, LessonVideo):
            video_files.delete_files_on_commit(video_files.video_files(instance))
