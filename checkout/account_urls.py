from django.urls import path

from . import account_views, earnings_views

app_name = "orders"

urlpatterns = [
    path("", account_views.my_orders, name="my_orders"),
    path("<str:number>/cancel/", account_views.cancel, name="cancel"),
    path("receipt/<str:number>.pdf", account_views.receipt, name="receipt"),
    path("earnings/", earnings_views.earnings, name="earnings"),
]
