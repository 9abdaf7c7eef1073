"""What one request reads from the cache several times and takes as it was at the first
read (tag versions, the page routes' generation): a dict living from request_started to
request_finished, None outside a request (tasks, shells, consumers read afresh).

A page reads the all-pages tag's version three or four times (page cache, site chrome,
fragments) and the routes' generation twice: one round trip each instead."""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started

_memo = ContextVar("request_memo", default=None)


def current():
    """This request's dict, or None outside a request."""
    return _memo.get()


def _start(**kwargs):
    _memo.set({})


def _end(**kwargs):
    _memo.set(None)


def connect():
    request_started.connect(_start, dispatch_uid="core.request_memo.start")
    request_finished.connect(_end, dispatch_uid="core.request_memo.end")
