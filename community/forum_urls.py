"""The forums' addresses, under /<language>/forums/ (cms/urls.py)."""

from django.urls import path

from .forums import action_views, views

app_name = "forums"

urlpatterns = [
    path("", views.index, name="index"),
    path("course/<int:course_id>/", views.course_forum, name="course"),
    path("<int:forum_id>/", views.forum_page, name="forum"),
    path("<int:forum_id>/search/", views.search_page, name="search"),
    path("<int:forum_id>/new/", views.new_thread, name="new_thread"),
    path("<int:forum_id>/qa/", action_views.forum_qa, name="forum_qa"),
    path("thread/<int:thread_id>/", views.thread_page, name="thread"),
    path("thread/<int:thread_id>/reply/", action_views.reply, name="reply"),
    path("thread/<int:thread_id>/follow/", action_views.follow, name="follow"),
    path("thread/<int:thread_id>/reopen/", action_views.reopen, name="reopen"),
    path("thread/<int:thread_id>/qa/", action_views.thread_qa, name="thread_qa"),
    path("post/<int:post_id>/comment/", action_views.comment, name="comment"),
    path("post/<int:post_id>/edit/", views.edit_post, name="edit"),
    path("post/<int:post_id>/history/", views.history, name="history"),
    path("post/<int:post_id>/delete/", action_views.delete, name="delete"),
    path("post/<int:post_id>/endorse/", action_views.endorse, name="endorse"),
    path("post/<int:post_id>/accept/", action_views.accept, name="accept"),
    path("post/<int:post_id>/photo.webp", action_views.photo, name="photo"),
    path(
        "post/<int:post_id>/photo-small.webp",
        action_views.photo,
        {"small": True},
        name="photo_small",
    ),
]
