"""The academy's Ed25519 key, canonical JSON and the multibase encodings around them.

The key comes from settings.CERTIFICATE_SIGNING_KEY (production: PEM, or the base64 of
the 32-byte private seed, from the environment). Without it, a key is generated once and
kept in settings.CERTIFICATE_DEV_KEY_FILE (under var/, not committed), so a fresh clone
works and the web server and the worker share one key."""

import base64
import binascii
import functools
import json
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Multicodec prefix of an Ed25519 public key, as used by Multikey documents.
ED25519_PUB_MULTICODEC = b"\xed\x01"


def canonical_json(data):
    """JCS-style bytes: sorted keys, no spaces, UTF-8. Our documents hold only strings,
    integers, lists and objects, for which this equals RFC 8785."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def base58btc_encode(data):
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def base58btc_decode(text):
    number = 0
    for char in text:
        index = BASE58_ALPHABET.find(char)
        if index < 0:
            raise ValueError("not base58")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_ones = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_ones + body


def multibase_encode(data):
    """Multibase base58btc: the letter z, then base58 (Bitcoin alphabet)."""
    return "z" + base58btc_encode(data)


def multibase_decode(text):
    if not isinstance(text, str) or not text.startswith("z"):
        raise ValueError("not multibase base58btc")
    return base58btc_decode(text[1:])


@functools.cache
def signing_key():
    configured = (getattr(settings, "CERTIFICATE_SIGNING_KEY", "") or "").strip()
    if configured:
        return _parse_key(configured)
    key_file = getattr(settings, "CERTIFICATE_DEV_KEY_FILE", None)
    if not key_file:
        raise ImproperlyConfigured("Set CERTIFICATE_SIGNING_KEY to sign certificates.")
    return _load_or_create_key_file(Path(key_file))


def public_key():
    return signing_key().public_key()


def public_key_multibase():
    """The public key as a Multikey `publicKeyMultibase` (z6Mk…)."""
    raw = public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase_encode(ED25519_PUB_MULTICODEC + raw)


def sign(message):
    return signing_key().sign(message)


def verify(signature, message, key=None):
    """True when `signature` (bytes) is ours over `message` (bytes)."""
    key = key or public_key()
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _parse_key(text):
    if "BEGIN" in text:
        key = serialization.load_pem_private_key(text.encode(), password=None)
    else:
        try:
            seed = base64.b64decode(text, validate=True)
        except binascii.Error as error:
            raise ImproperlyConfigured(
                "CERTIFICATE_SIGNING_KEY is neither PEM nor base64."
            ) from error
        if len(seed) != 32:
            raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY must hold a 32-byte Ed25519 seed.")
        key = Ed25519PrivateKey.from_private_bytes(seed)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY must be an Ed25519 private key.")
    return key


def _load_or_create_key_file(path):
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            os.fchmod(handle, 0o600)
            os.write(handle, pem)
            os.close(handle)
            # link() fails if another process created the file first: theirs wins.
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return _parse_key(path.read_text())
