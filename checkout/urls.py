from django.urls import path

from . import views

app_name = "checkout"

urlpatterns = [
    path("buy/<slug:item_type>/<str:item_id>/", views.buy, name="buy"),
    path("payment/<uuid:reference>/", views.payment, name="payment"),
    path("payment/<uuid:reference>/status/", views.payment_status, name="payment_status"),
    path("payment/<uuid:reference>/retry/", views.retry, name="retry"),
    path("code/<uuid:reference>/", views.manual_code, name="manual_code"),
    path("sandbox-phone/<uuid:reference>/", views.sandbox_phone, name="sandbox_phone"),
]
