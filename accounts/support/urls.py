"""The support panel, under /admin/support/ (mounted before Wagtail's admin in
cms/urls.py so that its views answer 403 themselves, see views.moderators_only)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.find_person, name="support_find"),
    path("<int:person_id>/", views.person_page, name="support_person"),
    path(
        "<int:person_id>/<slug:action_key>/<str:target_id>/",
        views.act,
        name="support_action",
    ),
]
