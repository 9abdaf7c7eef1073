"""Machine endpoints of the notifications app (unprefixed: see core.locale_middleware)."""

from django.urls import path

from . import webhooks

app_name = "notifications"

urlpatterns = [
    path("sms/<slug:provider>/status/", webhooks.sms_status, name="sms_status"),
    path(
        "sms/<slug:provider>/status/<str:token>/",
        webhooks.sms_status,
        name="sms_status_token",
    ),
]
