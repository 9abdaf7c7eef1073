"""Local development: `make run`. Embedded defaults, console e-mail."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# SMS go to var/sms/, listed for moderators in the admin ("Sandbox SMS").
SMS_BACKEND = "notifications.sandbox.FileSMSBackend"
