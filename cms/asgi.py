"""ASGI entry point for uvicorn: plain HTTP goes to Django, sockets at /ws/live/ to the
real-time consumer, for signed-in people on the site's own hosts only."""

import faulthandler
import os
import signal

from django.core.asgi import get_asgi_application

# `kill -USR1 <pid>` writes every thread's stack to the server's stderr, for an operator
# to see where a server waits (deploy/smoke/realtime.py asks for it when a handshake
# gets no answer).
faulthandler.register(signal.SIGUSR1, all_threads=True)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

# Django is set up before anything imports models (the consumers do).
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from messaging.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
