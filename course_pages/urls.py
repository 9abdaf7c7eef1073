"""Lesson media URLs, outside the language prefix: /lesson-media/<lesson>/video/<video>/<variant>/."""

from django.urls import path

from course_pages import image_views, media_views

app_name = "course_media"

urlpatterns = [
    path(
        "<int:lesson_id>/video/<int:video_id>/<str:variant>/",
        media_views.lesson_video_file,
        name="video",
    ),
    path("image/<path:name>", image_views.image_file, name="image_file"),
]
