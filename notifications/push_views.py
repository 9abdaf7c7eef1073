"""Web push endpoints: the browser's subscription (JSON, CSRF-checked, signed-in only).
The service worker that receives the pushes is core.service_worker."""

import functools
import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.rate_limits import rate_limit

from . import push

# A subscription is a few hundred bytes; anything much bigger is not one.
MAX_BODY_BYTES = 4096


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
