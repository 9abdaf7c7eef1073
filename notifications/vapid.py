"""The VAPID key pair that signs our web pushes. Production reads VAPID_PRIVATE_KEY
(PEM, base64url DER or the raw 32-byte key), VAPID_PUBLIC_KEY and VAPID_SUBJECT from
the environment; development and tests make a key once in settings.VAPID_DEV_KEY_FILE
(var/vapid/), the first time a push is sent or a page offers push, never at import."""

import functools
import os
from email.utils import parseaddr
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from py_vapid import Vapid
from py_vapid.utils import b64urlencode


def configured():
    """False in production until VAPID_PRIVATE_KEY is set: the site then offers no push."""
    return bool(settings.VAPID_PRIVATE_KEY.strip() or settings.VAPID_DEV_KEY_FILE)


def private_key():
    """A py_vapid Vapid holding our private key (what pywebpush signs with)."""
    return _load(settings.VAPID_PRIVATE_KEY.strip(), str(settings.VAPID_DEV_KEY_FILE or ""))


def public_key():
    """The applicationServerKey browsers subscribe with: the uncompressed P-256 point,
    base64url without padding."""
    configured = settings.VAPID_PUBLIC_KEY.strip()
    if configured:
        return configured
    point = private_key().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64urlencode(point)


def subject():
    """Who push services may contact about our pushes (a mailto: or https: URL)."""
    return settings.VAPID_SUBJECT or f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}"


@functools.cache
def _load(configured, key_file):
    if configured:
        if "-----BEGIN" in configured:
            return Vapid.from_pem(configured.encode())
        return Vapid.from_string(configured)
    if not key_file:
        raise ImproperlyConfigured("Set VAPID_PRIVATE_KEY to send web pushes.")
    return _load_or_create(Path(key_file))


def _load_or_create(path):
    if path.exists():
        return Vapid.from_pem(path.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    vapid = Vapid()
    vapid.generate_keys()
    # Written whole under a private name, then linked into place: when the web server
    # and a worker start at once, one key wins and both read it, never half a file.
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as key_file:
        key_file.write(vapid.private_pem())
    try:
        os.link(draft, path)
    except FileExistsError:
        return Vapid.from_pem(path.read_bytes())
    finally:
        draft.unlink()
    return vapid
