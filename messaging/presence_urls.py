from django.urls import path

from . import presence_views

app_name = "messaging_presence"

urlpatterns = [path("", presence_views.presence_switch, name="switch")]
