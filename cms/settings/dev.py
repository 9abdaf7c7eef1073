"""Local development: `make run`. Embedded defaults, console e-mail.

Runs with no environment at all. DATABASE_URL and REDIS_URL, when set, move the data
to PostgreSQL and Redis as in production; SITE_PORT (set by `make run` from its PORT)
is the port the site is served on, for the links in e-mails."""

import os

from .base import *  # noqa: F403
from .base import CACHES, CHECKOUT_PROVIDERS, CONTENT_SECURITY_POLICY, VAR_DIR
from .builders import database, redis_caches, redis_channel_layers

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Not PORT: honcho gives each process of Procfile.dev its own PORT (web 8000, worker
# 8100, beat 8200), and the worker sends most of the e-mails.
WAGTAILADMIN_BASE_URL = f"http://localhost:{os.environ.get('SITE_PORT', '8000')}"
CHECKOUT_PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL
# `make run` and the demo offer payment by code next to the sandbox.
CHECKOUT_PROVIDERS = {
    **CHECKOUT_PROVIDERS,
    "manual": "checkout.providers.manual.ManualCodeProvider",
}
CHECKOUT_MANUAL_MERCHANT_NUMBER = "+237 6 99 00 00 00"
CERTIFICATE_PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database(os.environ["DATABASE_URL"])}
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, key_prefix="bsa")
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
    CHANNEL_LAYERS = redis_channel_layers(REDIS_URL, prefix="bsa")
else:
    # The web server and the real-time server are two processes: without Redis they
    # share the count of open sockets through files (the in-process layer still carries
    # typing and presence between the sockets of the one real-time server; messages
    # reach the page by polling, see static/js/live.js).
    CACHES = {
        **CACHES,
        "presence": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "presence"),
        },
    }
    PRESENCE_CACHE_ALIAS = "presence"

# `make run` starts the real-time server (uvicorn cms.asgi) on REALTIME_PORT, beside
# the web server; pages open their socket there, on the host they were asked for.
REALTIME_PORT = os.environ.get("REALTIME_PORT", "")
if REALTIME_PORT:
    REALTIME_URL = "ws://{host}:" + REALTIME_PORT + "/ws/live/"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] = [
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"],
        *(f"ws://{host}:{REALTIME_PORT}" for host in ALLOWED_HOSTS if "[" not in host),
    ]

# SMS go to var/sms/, listed for moderators in the admin ("Sandbox SMS").
SMS_BACKEND = "notifications.sandbox.FileSMSBackend"
# Chromium pushes through its own service on localhost; a local fake one is allowed too.
WEB_PUSH_ALLOW_LOCAL_HTTP = True
