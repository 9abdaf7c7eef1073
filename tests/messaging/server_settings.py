"""Settings for the uvicorn servers the cross-server tests and benches start: the test
settings (the test's database and Redis), with database connections kept between
calls as production keeps them (DB_CONN_MAX_AGE), not closed after every one, and no
per-minute cap on messages (the bench sends 200 in a few seconds; limits have their
own tests)."""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
MESSAGING_MESSAGES_PER_MINUTE = 1_000_000
