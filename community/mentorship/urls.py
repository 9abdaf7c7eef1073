"""Mentorship's addresses, under /<language>/mentors/ (cms/urls.py)."""

from django.urls import path

from . import views

app_name = "mentors"

urlpatterns = [
    path("", views.find, name="find"),
    path("offer/", views.offer_form, name="offer"),
    path("offer/pause/", views.pause, name="pause"),
    path("mine/", views.mine, name="mine"),
    path("<int:offer_id>/", views.mentor_page, name="mentor"),
    path("<int:offer_id>/ask/", views.ask, name="ask"),
    path("mentorships/<int:mentorship_id>/", views.mentorship_page, name="mentorship"),
    path("mentorships/<int:mentorship_id>/answer/", views.answer, name="answer"),
    path("mentorships/<int:mentorship_id>/withdraw/", views.withdraw, name="withdraw"),
    path("mentorships/<int:mentorship_id>/end/", views.end, name="end"),
    path("mentorships/<int:mentorship_id>/review/", views.review, name="review"),
    path(
        "mentorships/<int:mentorship_id>/conversation/",
        views.conversation,
        name="conversation",
    ),
]
