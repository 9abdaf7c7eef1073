from django.urls import path

from . import professional_views as views

app_name = "professional_stats"

urlpatterns = [
    path("me/stats/", views.overview, name="mine"),
    path("me/stats/export/<slug:table>.csv", views.export, name="export"),
    path("stats/<int:page_id>/", views.overview, name="professional"),
    path("stats/<int:page_id>/export/<slug:table>.csv", views.export, name="professional_export"),
]
