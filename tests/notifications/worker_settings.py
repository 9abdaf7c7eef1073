"""Settings for a Celery worker started as a separate process by the worker-kill test:
the test's database and Redis, a lease and a broker visibility timeout of seconds
instead of minutes so the lost task comes back quickly."""

import os

from cms.settings.test import *  # noqa: F403

SMS_BACKEND = "tests.notifications.slow_sms.SlowFileSMSBackend"
NOTIFICATIONS_CLAIM_SECONDS = 2
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["REDIS_URL"]
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3}
