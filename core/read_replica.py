"""Which requests may read from the read replica (DATABASE_REPLICA_URL), decided once
per request and held in a context variable that the database router reads.

An allow-list, not a deny-list: a request reads the replica only when it is a GET or
HEAD for an anonymous visitor, the browser wrote nothing in the last few seconds, and
the view is a public page type (READ_REPLICA_PAGE_TYPES) or a named public view
(READ_REPLICA_VIEWS). Everything else (checkout and payment status, bookings, account
pages, the lesson gate, the admin, Celery tasks, management commands) reads the
primary without having to say so, so a new view can never read stale data by mistake.

Logged-in visitors always read the primary: public pages show them personal state
("enrolled", "booked") that a write elsewhere (a payment webhook) may just have made."""

import contextvars
import random
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import MiddlewareNotUsed
from wagtail.models import Page

# The first replica's alias; more replicas are "replica_2", "replica_3"… (builders.py).
REPLICA_ALIAS = "replica"
# Set on every answer to a write: the same browser reads the primary until it expires,
# which is longer than any replication lag we accept.
PIN_COOKIE = "bsa_read_primary"
SAFE_METHODS = ("GET", "HEAD")


@dataclass
class _RequestReads:
    # The replica this request reads, or None for the primary. One per request, so that
    # a page never mixes two replicas that lag by different amounts.
    alias: str | None = None


# None outside a request (tasks, commands, shell): the router then picks the primary.
_current = contextvars.ContextVar("bsa_request_reads", default=None)


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_ALIAS)]


def replica_for_request():
    """The replica the current request may read, or None (the primary)."""
    reads = _current.get()
    return reads.alias if reads is not None else None


def _choose(request):
    return random.choice(replica_aliases()) if _may_use_replica(request) else None  # noqa: S311


def _may_use_replica(request):
    return (
        request.method in SAFE_METHODS
        and PIN_COOKIE not in request.COOKIES
        and not request.user.is_authenticated
    )


def allow_replica_for_page(request, page):
    """Called just before Wagtail serves a page (core.wagtail_hooks)."""
    reads = _current.get()
    if reads is None or page._meta.label not in settings.READ_REPLICA_PAGE_TYPES:
        return
    # Looked up now, on the primary: the session and the user are personal state.
    reads.alias = _choose(request)


class ReadReplicaMiddleware:
    """Opens the per-request decision (primary until a view is allowed the replica),
    and pins a browser to the primary for READ_REPLICA_PIN_SECONDS after it writes.
    Not in the chain at all without a replica."""

    def __init__(self, get_response):
        if not replica_aliases():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(_RequestReads())
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.READ_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name in settings.READ_REPLICA_VIEWS:
            _current.get().alias = _choose(request)


@checks.register()
def check_page_types(app_configs, **kwargs):
    """A misspelt page type would silently read the primary: say so at start-up."""
    errors = []
    for label in settings.READ_REPLICA_PAGE_TYPES:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            model = None
        if model is None or not issubclass(model, Page):
            errors.append(
                checks.Error(
                    f"READ_REPLICA_PAGE_TYPES names {label!r}, which is no installed page type.",
                    hint="Use the model's label, e.g. course_pages.CoursePage.",
                    id="core.E001",
                )
            )
    return errors
