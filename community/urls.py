from django.urls import path

from . import member_views, post_views, report_views, views

app_name = "community"

urlpatterns = [
    path("", views.group_list, name="list"),
    path("new/", views.create_group, name="create"),
    path("<int:group_id>-<slug:slug>/", views.group_page, name="group"),
    path("<int:group_id>-<slug:slug>/wall/", views.wall_page, name="wall"),
    path("<int:group_id>-<slug:slug>/calendar/", views.calendar_page, name="calendar"),
    path("<int:group_id>/conversation/", views.group_conversation, name="conversation"),
    path("<int:group_id>/join/", member_views.join, name="join"),
    path("<int:group_id>/ask/", member_views.ask, name="ask"),
    path("<int:group_id>/leave/", member_views.leave, name="leave"),
    path(
        "<int:group_id>/requests/<int:membership_id>/",
        member_views.answer_request,
        name="answer_request",
    ),
    path("<int:group_id>/hand-over/", member_views.hand_over, name="hand_over"),
    path("<int:group_id>/points/", member_views.show_points, name="show_points"),
    path("<int:group_id>/share/", post_views.share, name="share"),
    path("<int:group_id>/sessions/new/", post_views.plan, name="plan"),
    path("sessions/<int:session_id>/answer/", post_views.rsvp, name="rsvp"),
    path("resources/<int:resource_id>/edit/", post_views.edit, name="edit"),
    path(
        "photos/<int:photo_id>/<str:size>.webp",
        post_views.photo,
        name="photo",
    ),
    path("report/<slug:kind>/<int:object_id>/", report_views.report, name="report"),
]
