"""The test suite: fast hashing, mail kept in memory, tasks run in-process.

Runs on the embedded defaults; CI's second pass sets DATABASE_URL and REDIS_URL to run
the same suite on PostgreSQL and Redis."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import STORAGES
from .builders import (
    database,
    local_storages,
    redis_caches,
    redis_channel_layers,
    replica_databases,
)

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "notifications.sms.LocmemSMSBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="bsa-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="bsa-test-private-")
STORAGES = local_storages(STORAGES, Path(PRIVATE_MEDIA_ROOT))
WAGTAILADMIN_BASE_URL = "http://testserver"
CERTIFICATE_PUBLIC_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
# The webhook bench sends 1,000 deliveries from one address; limits have their own tests.
RATELIMIT_WEBHOOKS = "100000/m"
WHITENOISE_AUTOREFRESH = True
# Pushes go to a local fake push service (tests/notifications); the key is made once
# per run, outside the working tree.
WEB_PUSH_ALLOW_LOCAL_HTTP = True
VAPID_DEV_KEY_FILE = Path(tempfile.mkdtemp(prefix="bsa-test-vapid-")) / "private_key.pem"
# Each test process counts in its own files (core/counters.py, without Redis).
COUNTERS_DIR = Path(tempfile.mkdtemp(prefix="bsa-test-counts-"))

# Tasks run inline unless a test starts a real worker (tests/notifications). Parallel
# test processes (pytest-xdist) each have their own queue, so their workers never take
# each other's tasks.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_DEFAULT_QUEUE = "bsa-test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
CELERY_TASK_EAGER_PROPAGATES = True

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database(os.environ["DATABASE_URL"])}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A lock left behind by a broken test fails the next one fast instead of
        # stalling the run (a flush waits on every open transaction's locks).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c lock_timeout=60000"
if os.environ.get("DATABASE_REPLICA_URL"):
    # A second connection to the test database (tests/core/test_read_replica.py): the
    # router's choices show as queries on one alias or the other.
    DATABASES.update(
        replica_databases(os.environ["DATABASE_REPLICA_URL"], TEST={"MIRROR": "default"})
    )
    DATABASE_ROUTERS = ["core.db_router.ReadReplicaRouter"]
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Parallel test runs share one Redis: keep their keys apart.
    CACHES = redis_caches(
        REDIS_URL, key_prefix="bsa-test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
    )
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
    # Parallel runs number their people from 1 each: keep their groups ("user-1") apart.
    CHANNEL_LAYERS = redis_channel_layers(
        REDIS_URL, prefix="bsa-test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")
    )
    _xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if _xdist_worker.startswith("gw"):
        # Each test starts with cache.clear(), which empties the whole Redis database:
        # every parallel worker (pytest-xdist) gets a database of its own, after REDIS_URL's.
        _redis = urlsplit(REDIS_URL)
        _database = (int(_redis.path.strip("/") or 0) + 1 + int(_xdist_worker[2:])) % 16
        CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_database}"))
