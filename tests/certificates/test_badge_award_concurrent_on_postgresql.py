"""A badge is awarded once under concurrent triggers, on PostgreSQL: ten checks of the
same person at the same moment (a certificate issued, the sweep, a challenge won …) make
one award and one notification, and none fails."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from certificates.badges import tasks
from certificates.models import BadgeAward
from notifications.models import Notification

from .badges_kit import badge_site, course_badge, graduate

__all__ = ["badge_site", "course_badge", "graduate"]

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (real concurrent transactions); runs in the PostgreSQL pass",
    ),
]

TRIGGERS = 10


def test_ten_checks_at_once_award_the_badge_once(course_badge, graduate):
    start_together = threading.Barrier(TRIGGERS)

    def check(_number):
        try:
            start_together.wait()
            return tasks.check_badges(graduate.pk)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=TRIGGERS) as pool:
        made = list(pool.map(check, range(TRIGGERS)))

    assert sorted(made) == [0] * (TRIGGERS - 1) + [1]
    assert BadgeAward.objects.filter(user=graduate, badge=course_badge).count() == 1
    assert Notification.objects.filter(user=graduate, kind="badge_awarded").count() == 1
