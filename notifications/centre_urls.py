"""The person's notification centre, under /fr/notifications/ and /en/notifications/."""

from django.urls import path

from . import views

app_name = "notification_centre"

urlpatterns = [
    path("", views.centre, name="list"),
    path("<int:pk>/open/", views.open_notification, name="open"),
    path("<int:pk>/read/", views.mark_read, name="read"),
    path("read-all/", views.mark_all_read, name="read_all"),
    path("count/", views.unread_count, name="count"),
    path("preferences/", views.preferences, name="preferences"),
]
