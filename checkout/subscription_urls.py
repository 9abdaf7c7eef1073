from django.urls import path

from . import subscription_views

app_name = "subscriptions"

urlpatterns = [
    path("", subscription_views.subscription, name="subscription"),
    path(
        "<int:pk>/renewal/off/",
        subscription_views.turn_off_renewal_view,
        name="turn_off_renewal",
    ),
]
