from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [path("video-progress/", views.video_progress, name="video_progress")]
