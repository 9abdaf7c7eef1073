"""/api/v1/: the public API, its schema and docs (sign-in is mounted in cms/urls.py)."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"

v1 = [
    path("courses/", views.CourseList.as_view(), name="courses"),
    path("courses/<int:pk>/", views.CourseDetail.as_view(), name="course"),
    path("curricula/<int:pk>/", views.CurriculumDetail.as_view(), name="curriculum"),
    path("instructors/", views.InstructorList.as_view(), name="instructors"),
    path("professionals/", views.ProfessionalSearch.as_view(), name="professionals"),
    path("professionals/<int:pk>/", views.ProfessionalDetail.as_view(), name="professional"),
    path("services/<int:pk>/slots/", views.ServiceSlots.as_view(), name="service_slots"),
    path("certificates/<str:code>/", views.CertificateCheck.as_view(), name="certificate"),
    path("me/", views.MyProfile.as_view(), name="me"),
    path(
        "me/notification-preferences/",
        views.MyNotificationPreferences.as_view(),
        name="my_notification_preferences",
    ),
    path("me/enrolments/", views.MyEnrolments.as_view(), name="my_enrolments"),
    path("me/enrolments/<int:pk>/", views.MyEnrolment.as_view(), name="my_enrolment"),
    path("lessons/<int:pk>/", views.Lesson.as_view(), name="lesson"),
    path("lessons/<int:pk>/done/", views.LessonDone.as_view(), name="lesson_done"),
    path("lessons/<int:pk>/quiz/", views.LessonQuiz.as_view(), name="lesson_quiz"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # Swagger UI's page sets its layout in an inline <style> (its script is served apart).
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
]

urlpatterns = [
    path("v1/", include(v1)),
    re_path(r"^", views.NotFound.as_view(), name="not_found"),
]
