"""/teach/cartridge/<course>/: the instructor downloads her course as a .imscc file."""

from django.urls import path

from . import views

app_name = "cartridge"

urlpatterns = [path("<int:course_id>/", views.export, name="export")]
