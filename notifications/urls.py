"""Machine endpoints of the notifications app (unprefixed: see core.locale_middleware):
SMS delivery reports and the browser's push subscription."""

from django.urls import path

from . import push_views, webhooks

app_name = "notifications"

urlpatterns = [
    path("sms/<slug:provider>/status/", webhooks.sms_status, name="sms_status"),
    path(
        "sms/<slug:provider>/status/<str:token>/",
        webhooks.sms_status,
        name="sms_status_token",
    ),
    path("push/subscribe/", push_views.subscribe, name="push_subscribe"),
    path("push/unsubscribe/", push_views.unsubscribe, name="push_unsubscribe"),
]
