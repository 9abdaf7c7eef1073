"""Web push endpoints: the browser's subscription (JSON, CSRF-checked, signed-in only)
and the service worker, served from the root so its scope is the whole site."""

import functools
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.rate_limits import rate_limit

from . import push

# A subscription is a few hundred bytes; anything much bigger is not one.
MAX_BODY_BYTES = 4096
SERVICE_WORKER = "js/sw.js"


def _signed_in_json(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": _("Log in to receive notifications.")}, status=403)
        if len(request.body) > MAX_BODY_BYTES:
            return JsonResponse({"error": _("This is not a push subscription.")}, status=400)
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"error": _("This is not a push subscription.")}, status=400)
        return view(request, data, *args, **kwargs)

    return wrapper


@require_POST
@rate_limit("RATELIMIT_PUSH_SUBSCRIBE", key="user_or_ip")
@_signed_in_json
def subscribe(request, data):
    try:
        push.subscribe(user=request.user, data=data)
    except push.InvalidSubscription as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"subscribed": True}, status=201)


@require_POST
@_signed_in_json
def unsubscribe(request, data):
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str):
        return JsonResponse({"error": _("This is not a push subscription.")}, status=400)
    push.unsubscribe(user=request.user, endpoint=endpoint)
    return JsonResponse({"subscribed": False})


@require_GET
def service_worker(request):
    """static/js/sw.js at /sw.js: a worker's scope is at most its own folder unless the
    server allows more. Browsers check for a new worker at most daily whatever the
    cache says; no-cache makes each check fetch the current one."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


def _worker_source():
    if settings.DEBUG:
        return _read_worker()
    return _cached_worker()


@functools.cache
def _cached_worker():
    return _read_worker()


def _read_worker():
    path = finders.find(SERVICE_WORKER)
    if not path:
        raise Http404
    with open(path, "rb") as source:
        return source.read()
