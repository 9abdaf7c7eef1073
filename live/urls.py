from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("", views.session_list, name="list"),
    path("mine/", views.my_sessions, name="mine"),
    path("new/", views.schedule, name="schedule"),
    path("<int:session_id>/", views.session_page, name="session"),
    path("<int:session_id>/register/", views.register, name="register"),
    path("<int:session_id>/cancel/", views.cancel, name="cancel"),
    path("<int:session_id>/cancel-session/", views.cancel_session, name="cancel_session"),
    path("<int:session_id>/join/", views.join, name="join"),
    path("<int:session_id>/rate/", views.rate, name="rate"),
    path("<int:session_id>/room/", views.room, name="room"),
    path("<int:session_id>/room/leave/", views.leave_room, name="leave_room"),
    path("<int:session_id>/room/end/", views.end_room, name="end_room"),
    path(
        "<int:session_id>/recordings/<int:recording_id>/add/",
        views.add_recording,
        name="add_recording",
    ),
    path("room/<str:token>/", views.enter_room, name="enter_room"),
]
