"""The two machine endpoints of offline learning, called by the service worker: the
entitlement list and the queue of actions taken offline. Both answer JSON, never a login
page, and are never stored by any cache."""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import offline, offline_sync

MAX_BATCH_BYTES = 64 * 1024


def _json(body, status=200):
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def entitlement(request):
    """Logged out, the list is empty: the worker then deletes every saved copy."""
    body = offline.entitlement(request)
    return _json(body, status=200 if request.user.is_authenticated else 401)


@require_POST
def sync(request):
    if not request.user.is_authenticated:
        return _json({"error": _("Log in again to send what you did offline.")}, status=401)
    if len(request.body) > MAX_BATCH_BYTES:
        return _json({"error": _("Too much to send at once. Try again.")}, status=413)
    try:
        actions = json.loads(request.body).get("actions")
    except (ValueError, AttributeError):
        actions = None
    try:
        results = offline_sync.apply_batch(user=request.user, actions=actions)
    except offline_sync.UnreadableBatch as error:
        return _json({"error": error.message}, status=400)
    return _json({"results": results})
