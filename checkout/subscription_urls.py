from django.urls import path

from . import subscription_views

app_name = "subscriptions"

urlpatterns = [
    path("", subscription_views.subscription, name="subscription"),
]
