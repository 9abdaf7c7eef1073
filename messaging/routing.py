"""Socket routes (cms/asgi.py mounts them behind the session and origin checks)."""

from django.urls import path

from .consumers import LiveConsumer

websocket_urlpatterns = [path("ws/live/", LiveConsumer.as_asgi())]
