from django.urls import path

from . import teaching_views

app_name = "teaching"

urlpatterns = [
    path("", teaching_views.dashboard, name="dashboard"),
    path("course/<int:course_id>/", teaching_views.course_students, name="course_students"),
    path(
        "course/<int:course_id>/waivers/",
        teaching_views.waive_prerequisite,
        name="waive_prerequisite",
    ),
    path("work/<int:submission_id>/", teaching_views.decide, name="decide"),
]
