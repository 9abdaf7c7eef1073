"""Web push: keeping a person's subscriptions, and sending one queued push with
pywebpush (VAPID-signed, aes128gcm-encrypted). A push service that answers 404 or 410
says the subscription is gone for good: we delete it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pywebpush import WebPushException, webpush

from . import vapid
from .models import PushSubscription

GONE = (404, 410)
# Browsers give a 65-byte P-256 point and a 16-byte secret, base64url: a little slack.
MAX_KEY_CHARS = {"p256dh": 200, "auth": 100}
MAX_ENDPOINT_CHARS = 1000
# Phones, a laptop, a reinstalled browser…: beyond this the oldest go, which bounds
# the pushes one notification makes.
MAX_SUBSCRIPTIONS_PER_PERSON = 10
BASE64URL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")


class InvalidSubscription(ValueError):
    """What the browser sent is not a push subscription we may use (message: for people)."""


class SubscriptionGone(Exception):
    """The push service no longer knows this subscription: nothing to retry."""


def clean_subscription(data):
    """(endpoint, p256dh, auth) from a browser's PushSubscription.toJSON(), or
    InvalidSubscription. Only push services we know get our requests (settings
    WEB_PUSH_HOSTS), so a forged endpoint cannot make the server call anywhere else."""
    if not isinstance(data, dict):
        raise InvalidSubscription(_("This is not a push subscription."))
    endpoint = data.get("endpoint")
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > MAX_ENDPOINT_CHARS:
        raise InvalidSubscription(_("The push subscription has no valid address."))
    if not endpoint_allowed(endpoint):
        raise InvalidSubscription(_("This push service is not accepted."))
    cleaned = []
    for name, limit in MAX_KEY_CHARS.items():
        value = keys.get(name)
        if not isinstance(value, str) or not value or len(value) > limit or set(value) - BASE64URL:
            raise InvalidSubscription(_("The push subscription's keys are missing or invalid."))
        cleaned.append(value)
    return endpoint, *cleaned


def endpoint_allowed(endpoint):
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if parts.scheme == "http" and settings.WEB_PUSH_ALLOW_LOCAL_HTTP:
        return host in ("127.0.0.1", "localhost")
    if parts.scheme != "https" or parts.username or parts.password:
        return False
    return any(
        host == allowed or (allowed.startswith(".") and host.endswith(allowed))
        for allowed in settings.WEB_PUSH_HOSTS
    )


@transaction.atomic
def subscribe(*, user, data):
    """Save (or move to ``user``) the browser's subscription; InvalidSubscription."""
    endpoint, p256dh, auth = clean_subscription(data)
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    kept = PushSubscription.objects.filter(user=user).order_by("-created_at", "-pk")
    stale = list(kept.values_list("pk", flat=True)[MAX_SUBSCRIPTIONS_PER_PERSON:])
    if stale:
        PushSubscription.objects.filter(pk__in=stale).delete()
    return subscription


def unsubscribe(*, user, endpoint):
    """Forget one of the person's browsers; the count removed (0 for someone else's)."""
    deleted, _by_model = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return deleted


def send(message):
    """Deliver one queued push (an OutboundMessage). SubscriptionGone when the service
    forgot the subscription (deleted here); any other failure raises for a retry."""
    subscription = message.push_subscription
    if subscription is None:
        raise SubscriptionGone("the subscription was removed before the push went out")
    try:
        webpush(
            subscription_info=subscription.as_subscription_info(),
            data=message.body_text,
            vapid_private_key=vapid.private_key(),
            vapid_claims={"sub": vapid.subject()},
            ttl=settings.WEB_PUSH_TTL_SECONDS,
            timeout=settings.WEB_PUSH_TIMEOUT,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            # By query: the message still holds this instance and is saved next.
            PushSubscription.objects.filter(pk=subscription.pk).delete()
            raise SubscriptionGone(f"push service answered {status}") from error
        raise
    PushSubscription.objects.filter(pk=subscription.pk).update(last_success=timezone.now())
