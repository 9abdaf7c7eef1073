from django.urls import path

from . import views

app_name = "teaching_stats"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("export/<slug:table>.csv", views.export, name="export"),
    path("course/<int:course_id>/", views.overview, name="course"),
    path("course/<int:course_id>/export/<slug:table>.csv", views.export, name="course_export"),
    path(
        "course/<int:course_id>/encourage/<int:user_id>/",
        views.encourage,
        name="encourage",
    ),
]
