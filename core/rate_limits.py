"""Per-address request budgets, and the translated answers for "too many requests" and
"locked out" (django-ratelimit and django-axes call these by their dotted path)."""

import os
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django_ratelimit import ALL as ALL_METHODS
from django_ratelimit.core import _split_rate as split_rate
from django_ratelimit.decorators import ratelimit

from .client_address import client_ip


def rate_limited(request, exception=None):
    """django-ratelimit's RATELIMIT_VIEW: a 429 in the visitor's language."""
    return render(request, "429.html", status=429)


def locked_out(request, credentials, *args, **kwargs):
    """django-axes' AXES_LOCKOUT_CALLABLE: too many failed logins for this account here."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "errors/locked_out.html", {"minutes": minutes}, status=429)


def lockout_username(request, credentials):
    """The e-mail a login attempt was for, whichever form sent it (allauth passes
    ``email``, Django's and Wagtail's admin login pass ``username``)."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or data.get("login")
        or data.get("username")
        or ""
    )
    return value.strip().lower()


def rate_limit(setting_name, *, key="ip", methods=ALL_METHODS, group=None):
    """Limit a view per client address to the rate in ``settings.<setting_name>``
    (read per request, so tests and environments can change it). Over the limit,
    RatelimitMiddleware answers with ``rate_limited``. Views given the same ``group``
    share one budget."""

    def rate(group, request):
        return getattr(settings, setting_name)

    return ratelimit(group=group, key=key, rate=rate, method=methods, block=True)


def over_limit(request, group, rate):
    """Count this request against ``rate`` ("300/m") per client address for ``group``,
    in fixed windows as django-ratelimit does, and say whether it is over.

    For what a page-cache hit runs (the directory search), where django-ratelimit's two
    round trips to Redis were a quarter of the answer's time: a process adds a client's
    requests to the shared count every ``limit // 50``-th one (every one under 100 a
    window), in one round trip, and remembers who went over until the window ends. A
    client may pass the limit by that step per app-server process: 2 %."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    # The rate read as django-ratelimit reads its own ("300/m", "10/5m"), so that one
    # setting means the same on either limiter (its parser, private but pinned in
    # requirements.txt; tests/core/test_shared_rate_limits.py covers both forms).
    limit, seconds = split_rate(rate)
    key = f"rl:{group}:{rate}:{int(time.time() // seconds)}:{client_ip(request)}"
    unsent = _unsent.add(key, step=max(1, limit // 50))
    if unsent is None:
        return False
    if unsent is _unsent.OVER:
        return True
    if _count_in_window(key, seconds, unsent) <= limit:
        return False
    _unsent.over(key)
    return True


class _UnsentCounts:
    """Per process: {key: requests not added to the shared count yet}, and the keys
    known to be over their limit. Keys hold their window, so old ones are never asked
    for again; both are emptied when they grow large."""

    OVER = object()
    BOUND = 50_000

    def __init__(self):
        self.forget()

    def forget(self):
        """Also in a forked child: the parent sends what it held (sent here too, it would
        count twice), and a lock the parent held at the fork would never be released."""
        self.lock = threading.Lock()
        self.counts = {}
        self.over_keys = set()

    def add(self, key, *, step):
        """None while under the step; else the count to send (and it starts again)."""
        with self.lock:
            if key in self.over_keys:
                return self.OVER
            if len(self.counts) >= self.BOUND:
                self.counts.clear()
            count = self.counts.get(key, 0) + 1
            if count < step:
                self.counts[key] = count
                return None
            self.counts.pop(key, None)
            return count

    def over(self, key):
        with self.lock:
            if len(self.over_keys) >= self.BOUND:
                self.over_keys.clear()
            self.over_keys.add(key)


_unsent = _UnsentCounts()
os.register_at_fork(after_in_child=_unsent.forget)


def forget_local_counts():
    """After the cache was emptied (tests): what this process kept goes too."""
    _unsent.forget()


def _count_in_window(key, seconds, added):
    counting = getattr(cache, "count_in_window", None)
    if counting is not None:
        return counting(key, seconds, added)
    # Other caches (the tests' local memory, `make run`): two steps.
    if cache.add(key, added, timeout=seconds):
        return added
    try:
        return cache.incr(key, added)
    except ValueError:  # expired between the two
        cache.add(key, added, timeout=seconds)
        return added
