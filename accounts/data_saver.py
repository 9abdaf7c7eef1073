"""Data saver: smaller images and the light video for people who pay for every megabyte.
On when the browser sends ``Save-Data: on``, when a signed-in person chose it in her
profile, or when a visitor turned it on from the footer (a cookie). Pages read it as
``data_saver``; a response that did is marked ``Vary: Save-Data, Cookie``."""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject, empty
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

COOKIE = "data_saver"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
CHOICES = {"on": True, "off": False}


def is_on(request):
    if request.headers.get("Save-Data", "").strip().lower() == "on":
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.data_saver:
        return True
    return request.COOKIES.get(COOKIE) == "on"


class DataSaverMiddleware:
    """``request.data_saver``, worked out only when a page asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.data_saver = SimpleLazyObject(lambda: is_on(request))
        response = self.get_response(request)
        if request.data_saver._wrapped is not empty:
            patch_vary_headers(response, ["Save-Data", "Cookie"])
        return response


def context(request):
    return {"data_saver": getattr(request, "data_saver", False)}


# Only a display preference in a cookie, like the language: a forged post can at worst
# shrink a visitor's images, and public pages stay free of a CSRF token (cacheable).
@csrf_exempt
@require_POST
def toggle(request):
    choice = request.POST.get("data_saver")
    if choice not in CHOICES:
        return HttpResponseBadRequest(_("Choose whether the data saver is on or off."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"/{get_language()}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        COOKIE,
        choice,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
