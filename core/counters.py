"""Counts made on the request path (a page view, a search), written to the database
once their minute is over: a page-cache hit sends no Celery message and makes no
database write, only one round trip to the counter store for all of its counts.

In production a process keeps its counts for COUNTS_FLUSH_SECONDS and writes them
together from a thread of its own, after the answers they came from were sent: at a
thousand page views a second, one write a second instead of a thousand, none of them
on a visitor's time. A process killed outright loses at most that second of counts; one
that exits writes them first. With 0 (tests, `make run`) a request's counts are written
when it ends.

An app counts with ``count(kind, *keys)`` and says with ``on_drain(kind, handler)`` what
a minute of its counts becomes in its own tables: ``handler(counts, minute=...)``,
``counts`` mapping each key (a str) to how many times it was counted, ``minute`` the
aware start of the minute. The beat task ``core.tasks.drain_counters`` calls ``drain``.

Draining never loses nor doubles a count, whenever it stops: a minute is first moved
aside under a batch name of its own (a late count starts a new batch), each batch is
written in one transaction with a ``DrainedCounts`` row of its name, then deleted from
the store; a re-run finds the row and only deletes. See README "Performance → Counters".
"""

import atexit
import datetime
import logging
import os
import threading
import time
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .counter_stores import store
from .models import DrainedCounts

logger = logging.getLogger(__name__)

# A count computed just before a minute ends may reach the store just after: a minute
# is drained once this many seconds of the next one have passed.
GRACE_SECONDS = 5
# Markers only matter until their batch is deleted, a moment after they are written.
MARKERS_KEPT = datetime.timedelta(days=1)

_handlers = {}
_pending = ContextVar("core_counters_pending", default=None)


def on_drain(kind, handler):
    _handlers[kind] = handler


def count(kind, *keys):
    """Add one to each key (ids, or short strings) of this kind, in this minute. Inside
    ``batched()`` (every request is: core/page_cache.py) they go with the request's other
    counts; elsewhere they are written at once."""
    increments = Counter((kind, str(key)) for key in keys)
    if not increments:
        return
    pending = _pending.get()
    if pending is None:
        # Outside a request (a task, a command): written now, kept by nobody.
        store().add(_minute(time.time()), increments)
    else:
        pending.update(increments)


@contextmanager
def batched():
    """Every count made inside goes to the store in one round trip at the end, or to the
    process's kept counts with COUNTS_FLUSH_SECONDS (none when the block fails)."""
    pending = Counter()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    if not pending:
        return
    if settings.COUNTS_FLUSH_SECONDS > 0:
        _kept.add(_minute(time.time()), pending)
    else:
        store().add(_minute(time.time()), pending)


def flush():
    """Write the counts this process keeps (see the module's docstring) now."""
    _kept.flush()


class _KeptCounts:
    """This process's counts not written yet, per minute, and the thread that writes
    them every COUNTS_FLUSH_SECONDS (started by the first count, again after a fork)."""

    def __init__(self):
        self.forget()

    def forget(self):
        """In a forked child: the parent writes what it kept (written here too, it would
        count twice), and a lock the parent held at the fork would never be released."""
        self.lock = threading.Lock()
        self.minutes = {}
        # The writing thread's token: a thread whose token is no longer this one stops
        # (none was ever running in a forked child; tests start one per setting).
        self.writer = None

    def add(self, minute, increments):
        with self.lock:
            self.minutes.setdefault(minute, Counter()).update(increments)
            if self.writer is None:
                self.writer = token = object()
                threading.Thread(
                    target=self._write_now_and_then, args=(token,), daemon=True
                ).start()

    def flush(self):
        with self.lock:
            minutes, self.minutes = self.minutes, {}
        for minute, increments in minutes.items():
            try:
                store().add(minute, increments)
            except Exception:
                # Kept for the next turn (the store may be back): a minute written after
                # it was drained is drained again as a batch of its own.
                logger.exception("Counts of minute %s not written; kept for later.", minute)
                with self.lock:
                    self.minutes.setdefault(minute, Counter()).update(increments)

    def _write_now_and_then(self, token):
        while True:
            time.sleep(settings.COUNTS_FLUSH_SECONDS or GRACE_SECONDS)
            if self.writer is not token:
                return
            self.flush()


_kept = _KeptCounts()
atexit.register(flush)
os.register_at_fork(after_in_child=_kept.forget)


def drain(*, now=None):
    """Write every minute that ended (GRACE_SECONDS ago) into the apps' tables. Safe to
    run twice at once or again after a crash. Returns the number of counts written."""
    now = time.time() if now is None else now
    counters = store()
    counters.close(before_minute=_minute(now - GRACE_SECONDS))
    written = 0
    for batch in counters.batches():
        written += _write(batch)
        counters.discard(batch)
    DrainedCounts.objects.filter(drained_at__lt=timezone.now() - MARKERS_KEPT).delete()
    return written


@transaction.atomic
def _write(batch):
    _marker, created = DrainedCounts.objects.get_or_create(batch=batch.name)
    if not created:
        return 0
    minute = datetime.datetime.fromtimestamp(batch.minute * 60, tz=datetime.UTC)
    written = 0
    for kind, counts in batch.counts.items():
        handler = _handlers.get(kind)
        if handler is None:
            logger.warning("No drain for counts of kind %r: %d dropped.", kind, len(counts))
            continue
        handler(counts, minute=minute)
        written += sum(counts.values())
    return written


def _minute(seconds):
    return int(seconds // 60)
