from django.urls import path

from . import callback_views

app_name = "live_callbacks"

urlpatterns = [
    path("bbb/ended/<str:token>/", callback_views.meeting_ended, name="ended"),
    path("bbb/attendance/", callback_views.attendance_report, name="attendance"),
    path("bbb/recording-ready/", callback_views.recording_ready, name="recording_ready"),
]
