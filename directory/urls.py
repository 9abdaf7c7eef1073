from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("me/", views.my_profile, name="my_profile"),
    path("me/create/", views.create_profile, name="create_profile"),
    path("me/edit/", views.edit_profile, name="edit_profile"),
    path("me/services/new/", views.edit_service, name="add_service"),
    path("me/services/<int:service_id>/", views.edit_service, name="edit_service"),
    path("me/clients/<int:client_id>/note/", views.client_note, name="client_note"),
    path("reviews/<int:review_id>/answer/", views.respond_to_review, name="respond_to_review"),
    path("contact/<int:page_id>/", views.reveal_contact, name="reveal_contact"),
]
