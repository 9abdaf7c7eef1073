"""A fake Web Push service (RFC 8030 / RFC 8292) over real HTTP on 127.0.0.1: it
decrypts nothing, records every push, and answers 201 Created, or 410 Gone, 404 Not
Found or 500 on demand for a subscription path.

A push is POST /push/<subscription id> with an encrypted body; the service answers 201
with a Location. Its VAPID check is the documented one, done here with this module's own
code: `Authorization: vapid t=<JWT ES256>, k=<public key>`, the JWT's aud the service's
origin, exp in the future and at most 24 h away, sub a mailto: or https: URL."""

import base64
import json
import time
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from ..fake_provider_server import SERVER_ERROR as SERVER_ERROR
from ..fake_provider_server import FakeProviderServer

GONE = "410"
NOT_FOUND = "404"


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class FakePushService(FakeProviderServer):
    SERVER_ERROR_ANSWER = b"push service unavailable"

    def __init__(self):
        super().__init__()
        self.accepted = []  # (subscription id, headers, body) of pushes answered 201

    def endpoint(self, name=None):
        return f"{self.url}/push/{name or uuid.uuid4().hex}"

    def fault_answer(self, fault):
        if fault == GONE:
            return 410, b"subscription expired or unsubscribed"
        if fault == NOT_FOUND:
            return 404, b"no such subscription"
        return super().fault_answer(fault)

    def push(self, headers, body, subscription_id):
        problem = vapid_problem(headers, audience=self.url)
        if problem:
            return 401, problem.encode()
        if headers.get("Content-Encoding") != "aes128gcm" or not headers.get("TTL"):
            return 400, b"Content-Encoding aes128gcm and TTL required"
        self.accepted.append((subscription_id, headers, body))
        return 201, None

    ROUTES = ((r"/push/([\w-]+)", "POST", push),)


def vapid_claims(headers):
    """The JWT claims of a request's VAPID Authorization header (no checks)."""
    token = _vapid_parts(headers.get("Authorization", ""))[0]
    return json.loads(b64url_decode(token.split(".")[1]))


def vapid_problem(headers, *, audience):
    """Why the VAPID header is not acceptable, or "" when it is."""
    try:
        token, key = _vapid_parts(headers.get("Authorization", ""))
        header_part, claims_part, signature_part = token.split(".")
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), b64url_decode(key)
        )
        signature = b64url_decode(signature_part)
        der = encode_dss_signature(
            int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        )
        public_key.verify(der, f"{header_part}.{claims_part}".encode(), ec.ECDSA(hashes.SHA256()))
        claims = json.loads(b64url_decode(claims_part))
    except (ValueError, KeyError, IndexError, InvalidSignature):
        return "bad VAPID authorization"
    if json.loads(b64url_decode(header_part)).get("alg") != "ES256":
        return "VAPID JWT must be ES256"
    if claims.get("aud") != audience:
        return f"VAPID aud {claims.get('aud')!r} is not {audience!r}"
    if not time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600:
        return "VAPID exp must be in the next 24 hours"
    if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
        return "VAPID sub must be a mailto: or https: URL"
    return ""


def _vapid_parts(authorization):
    scheme, _, rest = authorization.partition(" ")
    if scheme.lower() != "vapid":
        raise ValueError("not vapid")
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    return fields["t"], fields["k"]
