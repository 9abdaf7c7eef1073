from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("<int:session_id>/", views.session_page, name="session"),
]
