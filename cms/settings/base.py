"""Settings true in every environment; dev/test/production only adjust these."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("BSA_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "core",
    "accounts",
    "home",
    "course_pages",
    "enrolment",
    "checkout",
    "directory",
    "booking",
    "notifications",
    "certificates",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "phonenumber_field",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "core.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SiteCSPMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale_middleware.SiteLocaleMiddleware",
    # Early, before any view, form or session lookup can send a NUL byte to the database.
    "core.nul_guard.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.security.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the lockout flag the authentication backend set.
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data stores: embedded defaults, or PostgreSQL / Redis from the environment.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + immediate transactions let the web server and the Celery worker
    # write to the same SQLite file without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "bsa"),
            # A Redis that stops answering must fail a request, not hang it.
            "OPTIONS": {"socket_connect_timeout": 5, "socket_timeout": 5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Background jobs. Without Redis, Celery uses a broker made of files under
# var/, so `make run` needs no server and the worker and web share the queue.
CELERY_TIMEZONE = "Africa/Douala"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message claimed by a worker that then died is taken over after this long.
NOTIFICATIONS_CLAIM_SECONDS = int(os.environ.get("NOTIFICATIONS_CLAIM_SECONDS", "300"))
if REDIS_URL:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
else:
    _broker_dir = VAR_DIR / "celery-broker"
    _broker_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_BEAT_SCHEDULE = {
    "escalate-waiting-practice-work": {
        "task": "enrolment.tasks.escalate_waiting_submissions",
        "schedule": 3600,
    },
}

# --- Checkout. Providers are enabled by name; production adds the real ones when
# their credentials are set (see production.py).
CHECKOUT_PROVIDERS = {"sandbox": "checkout.providers.sandbox.SandboxProvider"}
CHECKOUT_FULFILLER_MODULES = [
    "checkout.subscriptions",
    "booking.fulfillers",
]
CHECKOUT_PAYMENT_MINUTES = 10
CHECKOUT_HTTP_TIMEOUT = 10
# The address providers call back (webhooks) and send people back to.
CHECKOUT_PUBLIC_BASE_URL = os.environ.get("CHECKOUT_PUBLIC_BASE_URL", "http://localhost:8000")
# Signs the sandbox's own notifications; production sets its own value.
CHECKOUT_SANDBOX_SECRET = os.environ.get("CHECKOUT_SANDBOX_SECRET", "sandbox-not-a-secret")
# Where the sandbox phone delivers its notification over HTTP; empty: applied in-process.
CHECKOUT_SANDBOX_WEBHOOK_URL = os.environ.get("CHECKOUT_SANDBOX_WEBHOOK_URL", "")
CELERY_BEAT_SCHEDULE["poll-pending-payments"] = {
    "task": "checkout.tasks.poll_pending_payments",
    "schedule": 15,
}
# Subscriptions do not renew by themselves: remind three days before the end, in daytime.
CELERY_BEAT_SCHEDULE["remind-expiring-subscriptions"] = {
    "task": "checkout.subscription_tasks.remind_expiring_subscriptions",
    "schedule": crontab(hour=9, minute=0),
}

# --- Booking. A chosen slot is held while the deposit is paid; unpaid holds expire.
BOOKING_HOLD_MINUTES = 15
BOOKING_SLOT_STEP_MINUTES = 30
BOOKING_REMINDER_HOURS = 24
# Share of a deposit booked to the professional (the rest is the academy's commission).
BOOKING_DEPOSIT_PAYEE_PERCENT = 70
# Online consultations get a room with an unguessable name on this Jitsi Meet server.
BOOKING_VIDEO_BASE_URL = os.environ.get("BOOKING_VIDEO_BASE_URL", "https://meet.jit.si/")
CELERY_BEAT_SCHEDULE["expire-unpaid-booking-holds"] = {
    "task": "booking.tasks.expire_unpaid_holds",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["send-booking-reminders"] = {
    "task": "booking.tasks.send_due_reminders",
    "schedule": 600,
}

# --- People and accounts.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses any login attempt for an account locked out from this address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# The sign-up form must say plainly that an e-mail is taken (issue #3).
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Beauty Skills Academy] "
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
PHONENUMBER_DEFAULT_REGION = "CM"
PHONENUMBER_DB_FORMAT = "E164"

# --- Languages and time. French is the source language of all content.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Day-first dates with the month in letters in both languages (cms/formats/<lang>/).
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Africa/Douala"
USE_TZ = True

# --- Files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Lesson media, submissions and certificates: never under MEDIA_URL (see course_pages/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# True in production: private files are served by short-lived signed bucket URLs.
PRIVATE_MEDIA_REDIRECT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    # Wagtail images and renditions: private, served by course_pages/image_views.py.
    "images": {
        "BACKEND": "core.image_storage.GatedImageStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT / "images")},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Messages out (the notifications app picks the backends).
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Beauty Skills Academy <no-reply@beautyskills.academy>"
)
SMS_BACKEND = "notifications.sms.ConsoleSMSBackend"

# --- Wagtail.
WAGTAIL_SITE_NAME = "Beauty Skills Academy"
# No Gravatar: it would send a hash of every editor's e-mail to a third party (and
# the admin's CSP allows images from the site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_DOCUMENT_MODEL = "course_pages.GuideDocument"
# Always through Django, so access is checked (see course_pages/wagtail_hooks/documents.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_IMAGE_MODEL = "course_pages.AcademyImage"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
LESSON_VIDEO_MAX_UPLOAD_MB = 500
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Submitting a page for translation must not publish an untranslated English copy.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Certificates (README "Certificates"). Production sets the signing key (PEM, or the
# base64 of the 32-byte Ed25519 seed); without it a key is generated once in var/.
CERTIFICATE_SIGNING_KEY = os.environ.get("CERTIFICATE_SIGNING_KEY", "")
CERTIFICATE_DEV_KEY_FILE = VAR_DIR / "certificate-signing-key.pem"
# Printed in the QR code and the Open Badges credential: the public address of the site.
CERTIFICATE_PUBLIC_BASE_URL = os.environ.get("CERTIFICATE_PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)
# Look-ups of the public verification page allowed per client IP and time window.
CERTIFICATE_VERIFY_MAX_LOOKUPS = int(os.environ.get("CERTIFICATE_VERIFY_MAX_LOOKUPS", "30"))
CERTIFICATE_VERIFY_WINDOW_SECONDS = 600


# --- Hardening: headers, lockout and rate limits (issue #10).
# Scripts only from our own static files (no inline JS anywhere). Forms post to the
# site only; a card payment's redirect after the buy form goes to Stripe Checkout
# (browsers check form-action along a form's redirects too).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", "https://checkout.stripe.com"],
        "frame-ancestors": ["'none'"],
    },
}
# The Wagtail admin's own policy (core.security.SiteCSPMiddleware picks it for
# /admin/): its templates and editor widgets set inline styles and a few inline
# scripts, its previews are frames of itself, uploads preview as blob: URLs.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Five wrong passwords for one account from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "core.rate_limits.lockout_username"
AXES_LOCKOUT_CALLABLE = "core.rate_limits.locked_out"
AXES_VERBOSE = False
# Behind a load balancer, X-Forwarded-For is trusted for that many hops only.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]
)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# allauth counts sign-ups, resets and failed logins itself and answers 429.html.
ACCOUNT_RATE_LIMITS = {
    # Mobile carriers put many phones behind one address (carrier-grade NAT): limits
    # per address stay loose; per-account ones do the real work.
    "signup": "10/m/ip,100/h/ip",
    "reset_password": "20/m/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    # Per address only: the per-account lock is axes' (account + address), so nobody
    # can lock a stranger out from elsewhere.
    "login_failed": "20/m/ip",
}
# django-ratelimit for our own views (webhooks, search); counters in the default
# cache, which is Redis in production so every app server shares them.
RATELIMIT_VIEW = "core.rate_limits.rate_limited"
RATELIMIT_IP_META_KEY = "core.client_address.client_ip"
RATELIMIT_WEBHOOKS = os.environ.get("RATELIMIT_WEBHOOKS", "600/m")
RATELIMIT_SEARCH = os.environ.get("RATELIMIT_SEARCH", "300/m")
RATELIMIT_PHONE_REVEAL = os.environ.get("RATELIMIT_PHONE_REVEAL", "20/h")
