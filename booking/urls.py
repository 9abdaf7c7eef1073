from django.urls import path

from . import call_views, client_views, professional_views

app_name = "booking"

urlpatterns = [
    path("", client_views.my_bookings, name="my_bookings"),
    path("service/<str:service_id>/", client_views.slots, name="slots"),
    path("<uuid:reference>/", client_views.detail, name="detail"),
    path("<uuid:reference>/calendar.ics", client_views.calendar_file, name="calendar"),
    path("<uuid:reference>/cancel/", client_views.cancel, name="cancel"),
    path("<uuid:reference>/move/", client_views.move, name="move"),
    path("<uuid:reference>/call/", call_views.join_call, name="join_call"),
    path("call/<str:room>/", call_views.call_room, name="call_room"),
    path("call/<str:room>/leave/", call_views.leave_call, name="leave_call"),
    path("<uuid:reference>/review/", client_views.review, name="review"),
    path(
        "<uuid:reference>/completed/",
        professional_views.mark,
        {"outcome": "completed"},
        name="mark_completed",
    ),
    path(
        "<uuid:reference>/no-show/",
        professional_views.mark,
        {"outcome": "no_show"},
        name="mark_no_show",
    ),
    path("pro/", professional_views.bookings, name="professional_bookings"),
    path("pro/week/", professional_views.week, name="week"),
    path("pro/availability/", professional_views.availability, name="availability"),
]
