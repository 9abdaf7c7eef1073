"""A member's public page, under /<language>/community/ (cms/urls.py)."""

from django.urls import path

from . import views

app_name = "members"

urlpatterns = [path("members/<int:user_id>/", views.member_page, name="member")]
