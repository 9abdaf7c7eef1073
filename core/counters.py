"""Counts made on the request path (a page view, a search), written to the database
once their minute is over: a page-cache hit sends no Celery message and makes no
database write, only one round trip to the counter store for all of its counts.

An app counts with ``count(kind, *keys)`` and says with ``on_drain(kind, handler)`` what
a minute of its counts becomes in its own tables: ``handler(counts, minute=...)``,
``counts`` mapping each key (a str) to how many times it was counted, ``minute`` the
aware start of the minute. The beat task ``core.tasks.drain_counters`` calls ``drain``.

Draining never loses nor doubles a count, whenever it stops: a minute is first moved
aside under a batch name of its own (a late count starts a new batch), each batch is
written in one transaction with a ``DrainedCounts`` row of its name, then deleted from
the store; a re-run finds the row and only deletes. See README "Performance → Counters".
"""

import datetime
import logging
import time
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

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
    ``batched()`` (every request is: core/page_cache.py) the store is written once at the
    end; elsewhere at once."""
    increments = Counter((kind, str(key)) for key in keys)
    if not increments:
        return
    pending = _pending.get()
    if pending is None:
        store().add(_minute(time.time()), increments)
    else:
        pending.update(increments)


@contextmanager
def batched():
    """Every count made inside goes to the store in one round trip at the end (none
    when the block fails)."""
    pending = Counter()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    if pending:
        store().add(_minute(time.time()), pending)


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
