"""Refuses requests that carry a NUL byte before any of it can reach the database.

PostgreSQL text cannot hold NUL (psycopg raises ValueError, a 500), and no address,
query or form value of ours ever needs one. One guard here instead of one check per
view, converter and form field."""

from django.conf import settings
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .problems import is_api_request, problem_response

NUL = "\x00"
# Bodies Django parses into request.POST; others (JSON webhooks) are left unread here.
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(values):
    return any(NUL in value for value in values)


def _query_dict_has_nul(query_dict):
    return any(NUL in key or _has_nul(values) for key, values in query_dict.lists())


def _refusal(request):
    if is_api_request(request):
        return problem_response(
            request, 400, detail=_("The request holds a character that is not allowed.")
        )
    return render(request, "400.html", status=400)


def address_carries_nul(request):
    return NUL in request.path or _query_dict_has_nul(request.GET)


def form_carries_nul(request):
    if request.method != "POST" or request.content_type not in FORM_CONTENT_TYPES:
        return False
    if _query_dict_has_nul(request.POST):
        return True
    return _has_nul(upload.name or "" for upload in request.FILES.values())


class RejectNulBytesMiddleware:
    """A 400 in the visitor's language for a NUL byte in the address or a form; a
    cookie holding one is dropped (a forged session cookie then means no session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self._drop_cookies_with_nul(request)
        if address_carries_nul(request):
            return _refusal(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # CSRF-exempt views (webhooks) read the raw body themselves: parsing a
        # multipart body here would leave them nothing to read.
        if getattr(view_func, "csrf_exempt", False):
            return None
        if form_carries_nul(request):
            return _refusal(request)
        return None

    def _drop_cookies_with_nul(self, request):
        spoiled = [name for name, value in request.COOKIES.items() if NUL in name + value]
        for name in spoiled:
            del request.COOKIES[name]
        if settings.SESSION_COOKIE_NAME in spoiled and hasattr(request, "session"):
            engine = import_string(settings.SESSION_ENGINE + ".SessionStore")
            request.session = engine()
