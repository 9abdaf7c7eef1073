"""The challenges' addresses, under /<language>/challenges/ (cms/urls.py)."""

from django.urls import path

from .challenges import views

app_name = "challenges"

urlpatterns = [
    path("", views.challenge_list, name="list"),
    path("new/", views.new_challenge, name="new"),
    path("<int:challenge_id>/", views.challenge_page, name="challenge"),
    path("<int:challenge_id>/enter/", views.enter, name="enter"),
    path("entries/<int:entry_id>/vote/", views.vote, name="vote"),
    path("entries/<int:entry_id>/<slug:which>.webp", views.entry_photo, name="entry_photo"),
    path("examples/<int:photo_id>/<slug:size>.webp", views.example_photo, name="example_photo"),
]
