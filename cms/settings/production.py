"""Production: everything secret or host-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to run in production.")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in required_env("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
SMS_BACKEND = os.environ.get("SMS_BACKEND", "notifications.sms.ConsoleSMSBackend")

# --- Payments: a provider is offered only when its credentials are set.
CHECKOUT_PUBLIC_BASE_URL = os.environ.get("CHECKOUT_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405
CHECKOUT_SANDBOX_SECRET = os.environ.get("CHECKOUT_SANDBOX_SECRET", SECRET_KEY)
CHECKOUT_PROVIDERS = {}
if os.environ.get("CHECKOUT_SANDBOX", "false").lower() == "true":
    CHECKOUT_PROVIDERS["sandbox"] = "checkout.providers.sandbox.SandboxProvider"
MTN_MOMO_BASE_URL = os.environ.get("MTN_MOMO_BASE_URL", "https://proxy.momoapi.mtn.com")
MTN_MOMO_SUBSCRIPTION_KEY = os.environ.get("MTN_MOMO_SUBSCRIPTION_KEY", "")
MTN_MOMO_API_USER = os.environ.get("MTN_MOMO_API_USER", "")
MTN_MOMO_API_KEY = os.environ.get("MTN_MOMO_API_KEY", "")
MTN_MOMO_TARGET_ENVIRONMENT = os.environ.get("MTN_MOMO_TARGET_ENVIRONMENT", "mtncameroon")
MTN_MOMO_CURRENCY = os.environ.get("MTN_MOMO_CURRENCY", "XAF")
MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = os.environ.get(
    "MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", ""
)
if MTN_MOMO_SUBSCRIPTION_KEY and MTN_MOMO_API_USER and MTN_MOMO_API_KEY:
    CHECKOUT_PROVIDERS["mtn_momo"] = "checkout.providers.mtn_momo.provider.MtnMomoProvider"
ORANGE_MONEY_BASE_URL = os.environ.get("ORANGE_MONEY_BASE_URL", "https://api-s1.orange.cm")
ORANGE_MONEY_CLIENT_ID = os.environ.get("ORANGE_MONEY_CLIENT_ID", "")
ORANGE_MONEY_CLIENT_SECRET = os.environ.get("ORANGE_MONEY_CLIENT_SECRET", "")
ORANGE_MONEY_X_AUTH_TOKEN = os.environ.get("ORANGE_MONEY_X_AUTH_TOKEN", "")
ORANGE_MONEY_MERCHANT_MSISDN = os.environ.get("ORANGE_MONEY_MERCHANT_MSISDN", "")
ORANGE_MONEY_MERCHANT_PIN = os.environ.get("ORANGE_MONEY_MERCHANT_PIN", "")
if ORANGE_MONEY_CLIENT_ID and ORANGE_MONEY_CLIENT_SECRET:
    CHECKOUT_PROVIDERS["orange_money"] = (
        "checkout.providers.orange_money.provider.OrangeMoneyProvider"
    )
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
if STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET:
    CHECKOUT_PROVIDERS["stripe"] = "checkout.providers.stripe.provider.StripeProvider"
PRIVATE_MEDIA_REDIRECT = os.environ.get("PRIVATE_MEDIA_REDIRECT", "false").lower() == "true"
