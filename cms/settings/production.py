"""Production: everything secret or host-specific comes from the environment.

Parts (README "Production"): PostgreSQL (`DATABASE_URL`), Redis (`REDIS_URL`: cache,
sessions, Celery broker and results), an S3-compatible bucket (`AWS_*`) for media, and
any number of stateless app servers behind a load balancer that terminates TLS."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    CERTIFICATE_VERIFY_MAX_LOOKUPS,
    DEFAULT_FROM_EMAIL,
    JITSI_JAAS_URL,
    MEDIA_ROOT,
    NOTIFICATIONS_CLAIM_SECONDS,
    PAGE_CACHE_MAX_ENTRIES,
    PAGE_CACHE_SECONDS,
    PAGE_CACHE_SHARED_SECONDS,
    PRIVATE_MEDIA_ROOT,
    RATELIMIT_PHONE_REVEAL,
    RATELIMIT_SEARCH,
    RATELIMIT_WEBHOOKS,
    STORAGES,
    VAR_DIR,
    WAGTAILADMIN_BASE_URL,
    WEB_PUSH_TTL_SECONDS,
)
from .builders import (
    file_broker_options,
    local_storages,
    redis_caches,
    redis_channel_layers,
    replica_databases,
)


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to run in production.")
    return value


def env_flag(name, default):
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
required_env("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Web origins (partner sites) allowed to call /api/ from a browser, comma-separated.
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)
# Files the site makes for itself (the broker queue when there is no Redis).
VAR_DIR = Path(os.environ.get("BSA_VAR_DIR", VAR_DIR))
COUNTERS_DIR = VAR_DIR / "counts"
COUNTS_FLUSH_SECONDS = float(os.environ.get("COUNTS_FLUSH_SECONDS", "1"))

# --- Behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "true")
# Load balancers probe the app servers directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# --- Database: persistent connections, checked before reuse (a restarted PostgreSQL
# or a pooler closing idle connections must not surface as a 500).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# PostgreSQL streaming replicas (comma-separated): public pages read one of them for
# anonymous visitors (core/read_replica.py); writes and every other read stay on the
# primary.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if DATABASE_REPLICA_URL:
    DATABASES.update(
        replica_databases(
            DATABASE_REPLICA_URL,
            conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
            CONN_HEALTH_CHECKS=True,
        )
    )
    DATABASE_ROUTERS = ["core.db_router.ReadReplicaRouter"]

# --- Redis: cache, Celery broker and results. Sessions are written through to the
# database so that flushing Redis logs nobody out. Without it, the embedded defaults.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, key_prefix=os.environ.get("CACHE_KEY_PREFIX", "bsa"))
    SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL)
    # Sockets on every ASGI server get events published by any process.
    CHANNEL_LAYERS = redis_channel_layers(
        REDIS_URL, prefix=os.environ.get("CACHE_KEY_PREFIX", "bsa")
    )
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = file_broker_options(VAR_DIR / "celery-broker")
# A message claimed by a worker that then died is taken over after this long.
NOTIFICATIONS_CLAIM_SECONDS = int(
    os.environ.get("NOTIFICATIONS_CLAIM_SECONDS", NOTIFICATIONS_CLAIM_SECONDS)
)

# --- Page cache (README "Page cache"): off for a cache-off load figure, or to debug.
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE_ENABLED", "1")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", PAGE_CACHE_SECONDS))
PAGE_CACHE_SHARED_SECONDS = int(
    os.environ.get("PAGE_CACHE_SHARED_SECONDS", PAGE_CACHE_SHARED_SECONDS)
)
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", PAGE_CACHE_MAX_ENTRIES))

# --- Real time: "" opens sockets on the site's own /ws/ (nginx routes it to the ASGI
# servers); a separate host for them also needs its origin in connect-src.
REALTIME_URL = os.environ.get("REALTIME_URL", "")
if REALTIME_URL.startswith(("ws://", "wss://")):
    _realtime = urlsplit(REALTIME_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] = [  # noqa: F405
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"],  # noqa: F405
        f"{_realtime.scheme}://{_realtime.netloc}",
    ]

# --- Static files: WhiteNoise serves compressed files with hashed names, which it
# marks immutable and cacheable for ten years.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static_collected"))

# --- Media on the local disk (a single host), unless a bucket is set below.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", MEDIA_ROOT))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", PRIVATE_MEDIA_ROOT))
STORAGES = local_storages(STORAGES, PRIVATE_MEDIA_ROOT)

# --- Media on an S3-compatible bucket. Without AWS_STORAGE_BUCKET_NAME, files stay on
# the local disk as in development (a single host).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _s3_connection = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        # Uploads keep their own name; a clash gets a suffix, never overwrites.
        "file_overwrite": False,
    }
    # Private files: a bucket of their own that nobody can list or read without a
    # signature. The app checks access first, then redirects to a URL that expires.
    _private = {
        **_s3_connection,
        "bucket_name": required_env("AWS_PRIVATE_STORAGE_BUCKET_NAME"),
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("PRIVATE_MEDIA_URL_SECONDS", "300")),
        "custom_domain": None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_connection,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "querystring_auth": False,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    STORAGES["private"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _private}
    STORAGES["images"] = {
        "BACKEND": "core.s3_image_storage.GatedS3ImageStorage",
        "OPTIONS": {**_private, "location": "images"},
    }
PRIVATE_MEDIA_REDIRECT = env_flag(
    "PRIVATE_MEDIA_REDIRECT", "true" if AWS_STORAGE_BUCKET_NAME else "false"
)


def _bucket_origins():
    """Where pages may load (and fetch) images and video from besides the site: the media domain
    and the bucket endpoint (signed private URLs), plus CSP_MEDIA_ORIGINS."""
    origins = os.environ.get("CSP_MEDIA_ORIGINS", "").split()
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
        origins.append(f"{protocol}//{os.environ['AWS_S3_CUSTOM_DOMAIN']}")
    endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", ""))
    if endpoint.netloc:
        # Virtual-hosted buckets live on a sub-domain of the endpoint.
        origins += [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://*.{endpoint.netloc}",
        ]
    return origins


# connect-src too: a lesson saved for offline fetches its media (redirected to signed
# bucket URLs) from static/js/offline.js and from the service worker (README, "Saved
# lessons and the bucket").
for _directive in ("img-src", "media-src", "connect-src"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] = [  # noqa: F405
        *CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive],  # noqa: F405
        *_bucket_origins(),
    ]

# --- Shared caches in front (README "Page cache in front"): a publish purges the page
# and the pages listing it, in every language. nginx's page cache (deploy/nginx.conf.template) through its
# purge listener, Cloudflare and/or CloudFront; none of them unless configured.
WAGTAILFRONTENDCACHE = {}
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "core.frontend_purge.NginxPurgeBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
        # The host the public uses, when it is not WAGTAILADMIN_BASE_URL's.
        "HOST": os.environ.get("FRONTEND_CACHE_HOST", ""),
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        # An API token with Zone.Cache Purge, or the older e-mail + global key pair.
        **(
            {"BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"]}
            if os.environ.get("CLOUDFLARE_BEARER_TOKEN")
            else {
                "EMAIL": required_env("CLOUDFLARE_EMAIL"),
                "API_KEY": required_env("CLOUDFLARE_API_KEY"),
            }
        ),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    # Credentials as boto3 finds them (AWS_ACCESS_KEY_ID…, or the host's role).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# The app wagtail.contrib.frontend_cache is not installed: its signal handlers would
# purge a page inside the publish transaction; core.frontend_purge purges after commit.
# A French page and its English translation have their own slugs: no guessing of
# /en/ twins of a /fr/ address.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Certificates: every server must sign with the academy's one key (a key made on
# first run, as in development, would differ from server to server).
CERTIFICATE_SIGNING_KEY = required_env("CERTIFICATE_SIGNING_KEY")
# Printed in the QR code and the Open Badges credential: the public address of the site.
CERTIFICATE_PUBLIC_BASE_URL = os.environ.get("CERTIFICATE_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
# Look-ups of the public verification page allowed per client IP and time window.
CERTIFICATE_VERIFY_MAX_LOOKUPS = int(
    os.environ.get("CERTIFICATE_VERIFY_MAX_LOOKUPS", CERTIFICATE_VERIFY_MAX_LOOKUPS)
)

# --- Behind a load balancer, X-Forwarded-For is trusted for that many hops only.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]
)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Per-address limits; loose, because mobile carriers put many phones behind one address.
RATELIMIT_WEBHOOKS = os.environ.get("RATELIMIT_WEBHOOKS", RATELIMIT_WEBHOOKS)
RATELIMIT_SEARCH = os.environ.get("RATELIMIT_SEARCH", RATELIMIT_SEARCH)
RATELIMIT_PHONE_REVEAL = os.environ.get("RATELIMIT_PHONE_REVEAL", RATELIMIT_PHONE_REVEAL)

# --- Messages out.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", "false")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL", "false")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# For the file backend (the prod-smoke journey reads the verification link there).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
SMS_BACKEND = os.environ.get("SMS_BACKEND", "notifications.sms.ConsoleSMSBackend")
# e.g. SMS_BACKEND=notifications.sms_gateways.twilio.TwilioSMSBackend (or .orange.
# OrangeSMSBackend, .africastalking.AfricasTalkingSMSBackend) with its credentials.
SMS_HTTP_TIMEOUT = float(os.environ.get("SMS_HTTP_TIMEOUT", "10"))
SMS_PUBLIC_BASE_URL = os.environ.get("SMS_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
SMS_STATUS_TOKEN = os.environ.get("SMS_STATUS_TOKEN", "")
TWILIO_BASE_URL = os.environ.get("TWILIO_BASE_URL", "https://api.twilio.com")
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_FROM_NUMBER = os.environ.get("TWILIO_FROM_NUMBER", "")
ORANGE_SMS_BASE_URL = os.environ.get("ORANGE_SMS_BASE_URL", "https://api.orange.com")
ORANGE_SMS_CLIENT_ID = os.environ.get("ORANGE_SMS_CLIENT_ID", "")
ORANGE_SMS_CLIENT_SECRET = os.environ.get("ORANGE_SMS_CLIENT_SECRET", "")
ORANGE_SMS_SENDER_ADDRESS = os.environ.get("ORANGE_SMS_SENDER_ADDRESS", "")
ORANGE_SMS_SENDER_NAME = os.environ.get("ORANGE_SMS_SENDER_NAME", "")
AFRICASTALKING_BASE_URL = os.environ.get(
    "AFRICASTALKING_BASE_URL", "https://api.africastalking.com"
)
AFRICASTALKING_USERNAME = os.environ.get("AFRICASTALKING_USERNAME", "")
AFRICASTALKING_API_KEY = os.environ.get("AFRICASTALKING_API_KEY", "")
AFRICASTALKING_SENDER_ID = os.environ.get("AFRICASTALKING_SENDER_ID", "")
# Web push: without VAPID_PRIVATE_KEY the site offers no push (no key made on a server).
VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY", "")
VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY", "")
VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "")
VAPID_DEV_KEY_FILE = ""
WEB_PUSH_TTL_SECONDS = int(os.environ.get("WEB_PUSH_TTL_SECONDS", WEB_PUSH_TTL_SECONDS))

# --- Payments: a provider is offered only when its credentials are set.
CHECKOUT_PUBLIC_BASE_URL = os.environ.get("CHECKOUT_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
CHECKOUT_SANDBOX_SECRET = os.environ.get("CHECKOUT_SANDBOX_SECRET", SECRET_KEY)
CHECKOUT_PROVIDERS = {}
if env_flag("CHECKOUT_SANDBOX", "false"):
    CHECKOUT_PROVIDERS["sandbox"] = "checkout.providers.sandbox.SandboxProvider"
MTN_MOMO_BASE_URL = os.environ.get("MTN_MOMO_BASE_URL", "https://proxy.momoapi.mtn.com")
MTN_MOMO_SUBSCRIPTION_KEY = os.environ.get("MTN_MOMO_SUBSCRIPTION_KEY", "")
MTN_MOMO_API_USER = os.environ.get("MTN_MOMO_API_USER", "")
MTN_MOMO_API_KEY = os.environ.get("MTN_MOMO_API_KEY", "")
MTN_MOMO_TARGET_ENVIRONMENT = os.environ.get("MTN_MOMO_TARGET_ENVIRONMENT", "mtncameroon")
MTN_MOMO_CURRENCY = os.environ.get("MTN_MOMO_CURRENCY", "XAF")
# Refunds use MTN's Disbursement product: its own subscription key, API user and key.
MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = os.environ.get(
    "MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", ""
)
MTN_MOMO_DISBURSEMENT_API_USER = os.environ.get("MTN_MOMO_DISBURSEMENT_API_USER", "")
MTN_MOMO_DISBURSEMENT_API_KEY = os.environ.get("MTN_MOMO_DISBURSEMENT_API_KEY", "")
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
CAMPAY_BASE_URL = os.environ.get("CAMPAY_BASE_URL", "https://www.campay.net")
CAMPAY_USERNAME = os.environ.get("CAMPAY_USERNAME", "")
CAMPAY_PASSWORD = os.environ.get("CAMPAY_PASSWORD", "")
CAMPAY_WEBHOOK_KEY = os.environ.get("CAMPAY_WEBHOOK_KEY", "")
if CAMPAY_USERNAME and CAMPAY_PASSWORD and CAMPAY_WEBHOOK_KEY:
    CHECKOUT_PROVIDERS["campay"] = "checkout.providers.campay.provider.CampayProvider"
# Payments by code: the student pays this merchant number by USSD; staff confirm.
CHECKOUT_MANUAL_MERCHANT_NUMBER = os.environ.get("CHECKOUT_MANUAL_MERCHANT_NUMBER", "")
CHECKOUT_MANUAL_CODE_HOURS = int(os.environ.get("CHECKOUT_MANUAL_CODE_HOURS", "24"))
if env_flag("CHECKOUT_MANUAL_CODES", "false") and CHECKOUT_MANUAL_MERCHANT_NUMBER:
    CHECKOUT_PROVIDERS["manual"] = "checkout.providers.manual.ManualCodeProvider"
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
if STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET:
    CHECKOUT_PROVIDERS["stripe"] = "checkout.providers.stripe.provider.StripeProvider"

# --- Online consultations: Jitsi rooms opened with a signed token (JWT). JaaS (8x8)
# when its tenant, key id and private key (a PEM file's path, or the PEM itself) are
# set; else a self-hosted Jitsi with prosody token auth (domain, app id, app secret);
# else the sandbox room page.
JITSI_DOMAIN = os.environ.get("JITSI_DOMAIN", "")
JITSI_URL = os.environ.get("JITSI_URL", "")
JITSI_APP_ID = os.environ.get("JITSI_APP_ID", "")
JITSI_APP_SECRET = os.environ.get("JITSI_APP_SECRET", "")
JITSI_JAAS_TENANT = os.environ.get("JITSI_JAAS_TENANT", "")
JITSI_JAAS_KEY_ID = os.environ.get("JITSI_JAAS_KEY_ID", "")
JITSI_JAAS_PRIVATE_KEY = os.environ.get("JITSI_JAAS_PRIVATE_KEY", "")
JITSI_JAAS_URL = os.environ.get("JITSI_JAAS_URL", JITSI_JAAS_URL)

# --- Error reports, only when a DSN is given. No personal data leaves the site.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# --- Logs: one JSON object per line on stdout, each with the request id; e-mail
# addresses, phone numbers and URL secrets are redacted before formatting.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.request_log.RequestIdFilter"},
        "redact": {"()": "core.request_log.RedactPersonalDataFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id", "redact"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["stdout"], "level": "ERROR"},
        # WeasyPrint logs every rendering step at INFO: only its problems matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Live sessions: BigBlueButton when both are set (the sandbox room otherwise).
# LIVE_BBB_URL is the API root, e.g. https://bbb.academy.example/bigbluebutton/api
LIVE_BBB_URL = os.environ.get("LIVE_BBB_URL", "")
LIVE_BBB_SECRET = os.environ.get("LIVE_BBB_SECRET", "")
LIVE_BBB_TIMEOUT = float(os.environ.get("LIVE_BBB_TIMEOUT", "10"))
# The origin BigBlueButton calls back (end, attendance, recording ready), if not the admin's.
LIVE_PUBLIC_BASE_URL = os.environ.get("LIVE_PUBLIC_BASE_URL", "")
LIVE_RECORDING_MAX_BYTES = int(os.environ.get("LIVE_RECORDING_MAX_BYTES", "2000000000"))
LIVE_RECORDING_TIMEOUT = float(os.environ.get("LIVE_RECORDING_TIMEOUT", "3600"))
