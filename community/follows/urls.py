"""The "following" feed and the follow buttons, under /<language>/following/ (cms/urls.py)."""

from django.urls import path

from . import views

app_name = "follows"

urlpatterns = [
    path("", views.feed, name="feed"),
    path("follow/<int:user_id>/", views.follow, name="follow"),
    path("unfollow/<int:user_id>/", views.unfollow, name="unfollow"),
]
