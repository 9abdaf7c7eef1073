"""Settings true in every environment; dev/test/production only adjust these.

Nothing here reads the environment or touches the disk: the embedded defaults (SQLite,
local memory, a broker made of files under var/) are plain values, and dev.py, test.py
and production.py read whatever the environment may change."""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .builders import database, file_broker_options, local_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Files the site makes for itself in development: broker queue, dev signing key.
VAR_DIR = BASE_DIR / "var"

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
    "messaging",
    "certificates",
    "community",
    "live",
    "analytics",
    "demo",
    "api",
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
    "allauth.headless",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
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
    # Outermost: trims 304 answers once every other middleware has added its headers.
    "core.not_modified.SlimNotModifiedMiddleware",
    # Next: compresses the page once every inner middleware has written it.
    "core.compression.TextGZipMiddleware",
    "core.request_log.RequestIdMiddleware",
    # Early, so that every answer to a write pins the browser to the primary, whichever
    # middleware answers it. Not in the chain without a replica.
    "core.read_replica.ReadReplicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SiteCSPMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.locale_middleware.SiteLocaleMiddleware",
    # Anonymous public pages whole from the cache: after the language, before the
    # session, the user or CSRF are looked at (core/page_cache.py), and before what a hit
    # never needs (NUL checks, CORS, the session): each was a percent of a hit's CPU.
    "core.page_cache.PageCacheMiddleware",
    # Past the page cache's hits: what the rest of the request reads from the cache
    # again and again (tag versions, the route generation) is read once.
    "core.request_memo.RequestMemoMiddleware",
    # Before any view, form or session lookup can send a NUL byte to the database.
    "core.nul_guard.RejectNulBytesMiddleware",
    # Before anything that may answer an API request (the page cache answers pages under
    # /fr/ and /en/ only), so CORS headers are on every API answer.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.security.PrivateResponseMiddleware",
    "accounts.data_saver.DataSaverMiddleware",
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
                "accounts.data_saver.context",
            ],
        },
    },
]

# --- Data stores: the embedded defaults. dev.py, test.py and production.py move them
# to PostgreSQL (DATABASE_URL) and Redis (REDIS_URL: cache, sessions, broker).
DATABASES = {"default": database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# --- Read replica (DATABASE_REPLICA_URL in production.py and test.py). Only these public
# views read it, for anonymous GET and HEAD requests (core/read_replica.py): page types
# by model label, other views by URL name. Everything else reads the primary.
READ_REPLICA_PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "home.NewsIndexPage",
    "home.NewsArticlePage",
    "course_pages.CourseIndexPage",
    "course_pages.CoursePage",
    "course_pages.CurriculumIndexPage",
    "course_pages.CurriculumPage",
    "course_pages.InstructorIndexPage",
    "course_pages.InstructorPage",
    "course_pages.PortfolioPage",
    "directory.ProfessionalIndexPage",
    "directory.ProfessionalPage",
]
READ_REPLICA_VIEWS = ["sitemap"]
# A browser that wrote reads the primary this long after (longer than the lag we accept).
READ_REPLICA_PIN_SECONDS = 10
# Empty: no Redis. Read by the tests that start a real worker.
REDIS_URL = ""
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Counts of page views and searches until their minute is drained (core/counters.py):
# in Redis when the cache is, else in files here, shared by the web server and worker.
COUNTERS_DIR = VAR_DIR / "counts"
# How long a process keeps its counts before writing them in one go, from a thread of
# its own (core/counters.py); 0 writes a request's counts when it ends. Below the
# drain's five seconds of grace.
COUNTS_FLUSH_SECONDS = 0

# --- Page cache (core/page_cache.py, README "Page cache"). Invalidation by tags is the
# main mechanism; the lifetime is a safety net. Shared caches (nginx, a CDN) keep a
# public page PAGE_CACHE_SHARED_SECONDS; browsers always revalidate (ETag, 304).
PAGE_CACHE_ENABLED = True
PAGE_CACHE_SECONDS = 300
PAGE_CACHE_SHARED_SECONDS = 60
PAGE_CACHE_MAX_ENTRIES = 5000
# The query parameters public pages read (catalogue and directory filters, news topic,
# home town, page numbers): every other one is dropped before the page is rendered.
PAGE_CACHE_QUERY_PARAMS = frozenset(
    {
        "q", "page", "sort", "category", "level", "price", "max_price", "language",
        "region", "town", "near", "comes_to_me", "price_min", "price_max", "min_rating",
        "certified", "available_on", "topic",
    }
)  # fmt: skip
# Cookies that change an anonymous page (data saver, the town of "near you"): in the key.
PAGE_CACHE_KEY_COOKIES = ["data_saver", "bsa_town"]
# Cookies that mean the page may be personal, besides the session and messages.
PAGE_CACHE_BYPASS_COOKIES = []

# --- Real time (messaging/consumers.py behind cms/asgi.py). The in-process layer
# reaches the sockets of one ASGI process only; dev.py, test.py and production.py put
# it on Redis (builders.redis_channel_layers) when REDIS_URL is set.
ASGI_APPLICATION = "cms.asgi.application"
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Where pages open their socket: "" is the site's own /ws/live/ (nginx routes /ws/ to
# the ASGI servers). "{host}" is replaced by the host the page was asked for, so a
# real-time server on another port of the same machine gets the session cookie.
REALTIME_URL = ""
# Open sockets are counted in this cache: it must be shared by every ASGI process.
PRESENCE_CACHE_ALIAS = "default"
# A person's count of open sockets lives this long without a ping (pages ping every
# 25 s), so a server that crashed does not leave people "online" for ever.
PRESENCE_TTL_SECONDS = 90
TYPING_EVERY_SECONDS = 3
REALTIME_MAX_FRAME_BYTES = 2048

# --- Background jobs. Without Redis, Celery uses a broker made of files under var/.
CELERY_TIMEZONE = "Africa/Douala"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_URL = "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = file_broker_options(VAR_DIR / "celery-broker")
# A message claimed by a worker that then died is taken over after this long.
NOTIFICATIONS_CLAIM_SECONDS = 300
# A message still queued this long with no worker on it lost its delivery task: the
# sweep queues it again, this many times at most, then marks it failed.
NOTIFICATIONS_STUCK_MINUTES = 15
NOTIFICATIONS_MAX_REQUEUES = 3
# Every periodic task, in one place (`celery -A cms beat` reads it).
CELERY_BEAT_SCHEDULE = {
    "escalate-waiting-practice-work": {
        "task": "enrolment.tasks.escalate_waiting_submissions",
        "schedule": 3600,
    },
    # "Students who took this course also took …": recounted at night, when few learn.
    # The gentle streak reminder, 23 hours after a student's last learning (once a day,
    # outside her quiet hours).
    "remind-streaks": {
        "task": "enrolment.motivation.tasks.remind_streaks",
        "schedule": crontab(minute=5),
    },
    "rebuild-co-enrolments": {
        "task": "enrolment.tasks.rebuild_co_enrolments",
        "schedule": crontab(hour=2, minute=30),
    },
    # Mobile-money payments whose answer has not come by webhook are asked for.
    "poll-pending-payments": {
        "task": "checkout.tasks.poll_pending_payments",
        "schedule": 15,
    },
    # Refunds the provider took but has not settled yet, until it says done or failed.
    "check-pending-refunds": {
        "task": "checkout.tasks.check_pending_refunds",
        "schedule": 60,
    },
    # Subscriptions do not renew by themselves: remind three days before the end, in daytime.
    "remind-expiring-subscriptions": {
        "task": "checkout.subscription_tasks.remind_expiring_subscriptions",
        "schedule": crontab(hour=9, minute=0),
    },
    # Those who consented are asked on their phone instead, three days before the end.
    "renew-subscriptions-by-mobile-money": {
        "task": "checkout.renewal_tasks.renew_due_subscriptions",
        "schedule": crontab(hour=9, minute=0),
    },
    "expire-unpaid-booking-holds": {
        "task": "booking.tasks.expire_unpaid_holds",
        "schedule": 60,
    },
    "send-booking-reminders": {
        "task": "booking.tasks.send_due_reminders",
        "schedule": 600,
    },
    # Live sessions: reminders 24 hours and 15 minutes before (each sent once).
    "send-live-session-reminders": {
        "task": "live.tasks.send_due_reminders",
        "schedule": 60,
    },
    # SMS and pushes held by a person's quiet hours go out when those end.
    "release-held-notifications": {
        "task": "notifications.tasks.release_held_messages",
        "schedule": 300,
    },
    # Challenges whose deadline passed: results frozen even if the task set for the
    # deadline was lost (each is also scheduled for its deadline when posted).
    "freeze-challenge-results": {
        "task": "community.challenges.tasks.freeze_due_results",
        "schedule": 300,
    },
    # One e-mail a day for people who chose the digest, early in the evening.
    "send-notification-digests": {
        "task": "notifications.digest.send_daily_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    # The ledger balances and matches the providers' money; moderators hear otherwise.
    "check-ledger": {
        "task": "checkout.tasks.check_ledger",
        "schedule": crontab(hour=2, minute=30),
    },
    # E-mails, SMS and pushes left queued (their delay() lost after commit) go again.
    "requeue-stuck-notifications": {
        "task": "notifications.tasks.requeue_stuck_messages",
        "schedule": 600,
    },
    # Deposit refunds whose task was lost or died on the way are asked for again.
    "requeue-stuck-deposit-refunds": {
        "task": "booking.tasks.requeue_stuck_refunds",
        "schedule": 900,
    },
    # Page views and searches counted in the minutes that ended into their rows and
    # events (core/counters.py): a page-cache hit only counts, in Redis.
    "drain-counters": {
        "task": "core.tasks.drain_counters",
        "schedule": 60,
    },
    # Today's and yesterday's events into the dashboards' rollups (re-running replaces).
    "roll-up-analytics": {
        "task": "analytics.tasks.roll_up_recent",
        "schedule": 3600,
    },
    # The event table's next three months of partitions (PostgreSQL; idempotent).
    "create-event-partitions": {
        "task": "analytics.tasks.create_event_partitions",
        "schedule": crontab(hour=1, minute=45),
    },
    # Mentorships whose weeks are over end, and both sides are asked for a review.
    "end-due-mentorships": {
        "task": "community.mentorship.tasks.end_due_mentorships",
        "schedule": 900,
    },
    # Badges whose rule holds but were not awarded (a trigger lost, a badge defined
    # after the fact) are awarded at night; each person still gets each badge once.
    "sweep-badges": {
        "task": "certificates.badges.tasks.sweep_badges",
        "schedule": crontab(hour=3, minute=15),
    },
}

# --- Checkout. Providers are enabled by name; production adds the real ones when
# their credentials are set (see production.py).
CHECKOUT_PROVIDERS = {"sandbox": "checkout.providers.sandbox.SandboxProvider"}
CHECKOUT_PAYMENT_MINUTES = 10
CHECKOUT_HTTP_TIMEOUT = 10
# Signs the sandbox's own notifications; production sets its own value.
CHECKOUT_SANDBOX_SECRET = "sandbox-not-a-secret"  # noqa: S105
# Payments by code ("manual" in CHECKOUT_PROVIDERS turns them on): the academy's
# merchant number the student pays by USSD, and how long a code is valid.
CHECKOUT_MANUAL_MERCHANT_NUMBER = ""
CHECKOUT_MANUAL_CODE_HOURS = 24
# Campay, the aggregator (MTN and Orange behind one API): enabled when configured.
CAMPAY_BASE_URL = "https://demo.campay.net"
CAMPAY_USERNAME = ""
CAMPAY_PASSWORD = ""
CAMPAY_WEBHOOK_KEY = ""

# --- Booking. A chosen slot is held while the deposit is paid; unpaid holds expire.
BOOKING_HOLD_MINUTES = 15
BOOKING_SLOT_STEP_MINUTES = 30
BOOKING_REMINDER_HOURS = 24
# Share of a deposit booked to the professional (the rest is the academy's commission).
BOOKING_DEPOSIT_PAYEE_PERCENT = 70
# A deposit refund not under way this long after it was due lost its task: the sweep
# asks again, this many times at most, then flags the order and tells the moderators.
BOOKING_REFUND_STUCK_MINUTES = 15
BOOKING_REFUND_MAX_REQUEUES = 3
# Online consultations: a private room per booking, opened through our join view from
# this many minutes before the start to the end; each person's token stays good until
# the end plus the margin (a call running late keeps going). Jitsi with JWT when
# configured (production.py: JaaS first, else a self-hosted server), else the sandbox
# room page stands in for video.
BOOKING_CALL_OPENS_MINUTES = 10
BOOKING_CALL_MARGIN_MINUTES = 15
JITSI_DOMAIN = ""
# Where people are sent; https://<JITSI_DOMAIN> when empty.
JITSI_URL = ""
JITSI_APP_ID = ""
JITSI_APP_SECRET = ""
JITSI_JAAS_TENANT = ""
JITSI_JAAS_KEY_ID = ""
JITSI_JAAS_PRIVATE_KEY = ""
JITSI_JAAS_URL = "https://8x8.vc"

# --- Live sessions. Rooms on BigBlueButton when both are set (production.py reads
# them from the environment); otherwise the sandbox room page stands in for video.
LIVE_BBB_URL = ""
LIVE_BBB_SECRET = ""
LIVE_BBB_TIMEOUT = 10
# How long a person's room link works once made by the join view.
LIVE_ROOM_LINK_SECONDS = 120
# Our public origin in the callback URLs given to the video service ("": the admin's).
LIVE_PUBLIC_BASE_URL = ""
# A recording is fetched only up to this size, and within this many seconds.
LIVE_RECORDING_MAX_BYTES = 2_000_000_000
LIVE_RECORDING_TIMEOUT = 3600

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
MEDIA_ROOT = BASE_DIR / "media"
# Lesson media, submissions and certificates: never under MEDIA_URL (see core/private_storage.py).
PRIVATE_MEDIA_ROOT = BASE_DIR / "private_media"
# True in production: private files are served by short-lived signed bucket URLs.
PRIVATE_MEDIA_REDIRECT = False
STORAGES = local_storages(
    {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    PRIVATE_MEDIA_ROOT,
)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Messages out (the notifications app picks the backends).
DEFAULT_FROM_EMAIL = "Beauty Skills Academy <no-reply@beautyskills.academy>"
SMS_BACKEND = "notifications.sms.ConsoleSMSBackend"
# Where notifications.sandbox.FileSMSBackend (the `make run` default) writes SMS.
SMS_SANDBOX_DIR = BASE_DIR / "var" / "sms"
# The real gateways (notifications/sms_gateways/); production.py fills them in.
SMS_HTTP_TIMEOUT = 10
# Our public origin, for the delivery-report URLs given to providers ("": none asked).
SMS_PUBLIC_BASE_URL = ""
# The secret in Orange's and Africa's Talking's report URLs ("": derived from SECRET_KEY).
SMS_STATUS_TOKEN = ""
TWILIO_BASE_URL = "https://api.twilio.com"
TWILIO_ACCOUNT_SID = ""
TWILIO_AUTH_TOKEN = ""
TWILIO_FROM_NUMBER = ""
ORANGE_SMS_BASE_URL = "https://api.orange.com"
ORANGE_SMS_CLIENT_ID = ""
ORANGE_SMS_CLIENT_SECRET = ""
ORANGE_SMS_SENDER_ADDRESS = ""
ORANGE_SMS_SENDER_NAME = ""
AFRICASTALKING_BASE_URL = "https://api.africastalking.com"
AFRICASTALKING_USERNAME = ""
AFRICASTALKING_API_KEY = ""
AFRICASTALKING_SENDER_ID = ""
# Web push (notifications.push). production.py reads the VAPID keys from the
# environment; without them notifications.vapid makes one in VAPID_DEV_KEY_FILE.
VAPID_PRIVATE_KEY = ""
VAPID_PUBLIC_KEY = ""
VAPID_SUBJECT = ""  # "": mailto: DEFAULT_FROM_EMAIL's address
VAPID_DEV_KEY_FILE = VAR_DIR / "vapid" / "private_key.pem"
# The push services browsers use (Chrome, Firefox, Edge, Safari): the server only ever
# posts to these, whatever endpoint a browser sends ("." = any subdomain).
WEB_PUSH_HOSTS = [
    "fcm.googleapis.com",
    ".push.services.mozilla.com",
    ".notify.windows.com",
    ".push.apple.com",
]
# http://127.0.0.1 endpoints (a local fake push service): development and tests only.
WEB_PUSH_ALLOW_LOCAL_HTTP = False
WEB_PUSH_TTL_SECONDS = 24 * 3600
WEB_PUSH_TIMEOUT = 10

# --- Wagtail.
WAGTAIL_SITE_NAME = "Beauty Skills Academy"
# No Gravatar: it would send a hash of every editor's e-mail to a third party (and
# the admin's CSP allows images from the site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The address the site runs on: links in e-mails, the address in certificate QR codes
# and credentials, and where payment providers call back (webhooks) and send people
# back to. dev.py derives it from the port `make run` serves on; test.py and
# production.py set their own.
WAGTAILADMIN_BASE_URL = "http://localhost:8000"
CHECKOUT_PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL
CERTIFICATE_PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL
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
# Common Cartridge imports (course_pages/cartridge/archive.py): a course without its
# videos (they leave as links) stays well under these; a zip bomb does not.
CARTRIDGE_MAX_ARCHIVE_MB = 100
CARTRIDGE_MAX_ENTRIES = 2000
CARTRIDGE_MAX_UNCOMPRESSED_MB = 300
CARTRIDGE_MAX_COMPRESSION_RATIO = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Submitting a page for translation must not publish an untranslated English copy.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Certificates (README "Certificates"). Production sets the signing key (PEM, or the
# base64 of the 32-byte Ed25519 seed); without it a key is generated once in var/.
CERTIFICATE_SIGNING_KEY = ""
CERTIFICATE_DEV_KEY_FILE = VAR_DIR / "certificate-signing-key.pem"
# Look-ups of the public verification page allowed per client IP and time window.
CERTIFICATE_VERIFY_MAX_LOOKUPS = 30
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
# Behind a load balancer, X-Forwarded-For is trusted for that many hops only; with no
# proxy (production.py sets the count), the address is the connection's own.
TRUSTED_PROXY_COUNT = 0
AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
ALLAUTH_TRUSTED_PROXY_COUNT = 0

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
RATELIMIT_WEBHOOKS = "600/m"
RATELIMIT_SEARCH = "300/m"
RATELIMIT_PHONE_REVEAL = "20/h"
RATELIMIT_PUSH_SUBSCRIBE = "30/h"
# Transaction ids typed for payments by code: enough for typos, not for guessing.
RATELIMIT_MANUAL_CLAIMS = "10/h"
# Lesson videos report 25/50/75/100 % from the player: a few per video and student.
RATELIMIT_VIDEO_PROGRESS = "120/h"
# The instructor dashboard's "send encouragement" taps, per instructor.
RATELIMIT_ENCOURAGEMENT = "60/h"
RATELIMIT_COURSE_REVIEWS = "10/h"
# Practice work handed in (photos or a video), per student: a retry after "needs
# another try" and a few refusals, not a flood of files to store and convert.
RATELIMIT_PRACTICE_WORK = "20/h"


# --- Public API (api/, README "Public API"). Same services, selectors and limits as the
# pages; errors are RFC 9457 problem documents; sign-in is allauth's headless mode.
#
# Only what is true of every DRF view in the process: Wagtail's admin and
# wagtail-localize's editor are DRF views too, with their own parsers and sign-in. The
# API's own choices (JSON only, session tokens, throttles, cursor pages, problem
# documents) are set on its views: api/base.py.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.ProblemAutoSchema",
}
# Requests per minute through the API, per address (the pages' search limit) and per
# signed-in person; a person's phone apps and partners share her budget.
API_RATE_PER_ADDRESS = RATELIMIT_SEARCH
API_RATE_PER_PERSON = RATELIMIT_SEARCH
# Bodies larger than this are refused (413) before they are read.
API_MAX_BODY_BYTES = 1024 * 1024
SPECTACULAR_SETTINGS = {
    "TITLE": "Beauty Skills Academy API",
    "DESCRIPTION": "Public JSON API of Beauty Skills Academy. v1 stays stable; breaking "
    "changes go to v2.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.public_endpoints_only"],
    # Several models have a "status": each list of values gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "OrderStatusEnum": "checkout.models.Order.Status",
        "PaymentStatusEnum": "checkout.models.Payment.Status",
        "PaymentProviderEnum": "checkout.models.Payment.Provider",
        "BookingStatusEnum": "booking.models.Booking.Status",
        "EnrolmentStatusEnum": "enrolment.models.Enrolment.Status",
        "PracticeWorkStatusEnum": "enrolment.models.Submission.Status",
        "CertificateStatusEnum": ["valid", "revoked"],
    },
}
# allauth's headless mode (mounted at /api/v1/auth/): phone apps sign in for a session
# token sent as X-Session-Token; the web pages keep their own allauth views.
HEADLESS_ONLY = False
HEADLESS_CLIENTS = ("app",)
# Cross-origin calls only to /api/ and only from these origins (production.py reads
# API_CORS_ORIGINS); phone apps are not browsers and need none.
CORS_ALLOWED_ORIGINS = []
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "content-type",
    "if-none-match",
    "x-session-token",
]
CORS_EXPOSE_HEADERS = ["etag", "retry-after"]
