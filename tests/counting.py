"""The counts made on the request path (core/counters.py), drained as the beat task
drains them, as if their minute had ended."""

import time

from core import counters


def drain_counts(*, minutes_later=2):
    return counters.drain(now=time.time() + 60 * minutes_later)
