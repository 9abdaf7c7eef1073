from django.urls import path

from . import webhooks

app_name = "checkout_webhooks"

urlpatterns = [path("<slug:provider_name>/", webhooks.receive, name="receive")]
