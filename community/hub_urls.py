"""The community's front door, under /<language>/community/ (cms/urls.py)."""

from django.urls import path

from . import hub

app_name = "hub"

urlpatterns = [path("", hub.hub, name="hub")]
