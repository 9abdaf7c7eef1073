"""A local fake Jitsi Meet on loopback, for tests: it answers GET /<room>?jwt=… (or
/<tenant>/<room>?jwt=… as JaaS) and checks the token the way prosody's token auth does:
the signature (HS256 with the app secret, or RS256 with the public key of the header's
kid), aud "jitsi", iss (the app id, or "chat" on JaaS), sub (the domain, or the tenant),
room (the one asked for, or "*"), nbf and exp. A good token gets 200 and a JSON note of
who entered which room; anything else gets 403 and the reason, like a refused login."""

import json
from urllib.parse import parse_qs, unquote, urlsplit

import jwt

from tests.loopback_server import LoopbackServer, QuietHandler

DOMAIN = "meet.academy.test"
APP_ID = "beauty-skills-academy"
SECRET = "fake-jitsi-app-secret-of-32-bytes!"  # noqa: S105
AUDIENCE = "jitsi"
JAAS_ISSUER = "chat"


class Refused(Exception):
    pass


class FakeJitsi:
    """Self-hosted by default; `jaas_tenant` and `jaas_keys` ({kid: public PEM}) make it
    JaaS."""

    def __init__(
        self, *, domain=DOMAIN, app_id=APP_ID, secret=SECRET, jaas_tenant="", jaas_keys=None
    ):
        self.domain = domain
        self.app_id = app_id
        self.secret = secret
        self.jaas_tenant = jaas_tenant
        self.jaas_keys = jaas_keys or {}
        self.entered = []  # {"room", "id", "name", "moderator"}
        self.refused = []  # reasons
        self.server = LoopbackServer(_Handler, self)
        self.url = self.server.origin

    def __enter__(self):
        self.server.start()
        return self

    def __exit__(self, *exc):
        self.server.stop()

    def answer(self, path):
        parts = urlsplit(path)
        token = parse_qs(parts.query).get("jwt", [""])[0]
        try:
            room = self.room_of(parts.path)
            claims = self.verify(token, room)
        except Refused as error:
            self.refused.append(str(error))
            return 403, {"error": str(error)}
        user = claims.get("context", {}).get("user", {})
        entry = {
            "room": room,
            "id": user.get("id"),
            "name": user.get("name"),
            "moderator": user.get("moderator") == "true",
        }
        self.entered.append(entry)
        return 200, entry

    def room_of(self, path):
        segments = [unquote(segment) for segment in path.strip("/").split("/")]
        if self.jaas_tenant:
            if len(segments) != 2 or segments[0] != self.jaas_tenant:
                raise Refused("unknown tenant")
            segments = segments[1:]
        if len(segments) != 1 or not segments[0]:
            raise Refused("no such room")
        # Jitsi lower-cases room names.
        return segments[0].lower()

    def key_for(self, token):
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as error:
            raise Refused(f"not a token: {error}") from error
        if not self.jaas_tenant:
            return self.secret, "HS256", self.app_id, self.domain
        key = self.jaas_keys.get(header.get("kid", ""))
        if key is None or not header["kid"].startswith(f"{self.jaas_tenant}/"):
            raise Refused("unknown kid")
        return key, "RS256", JAAS_ISSUER, self.jaas_tenant

    def verify(self, token, room):
        if not token:
            raise Refused("a token is required (no guests)")
        key, algorithm, issuer, subject = self.key_for(token)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=AUDIENCE,
                issuer=issuer,
                options={"require": ["aud", "iss", "sub", "room", "exp", "nbf"]},
            )
        except jwt.InvalidTokenError as error:
            raise Refused(f"bad token: {error}") from error
        if claims["sub"] not in (subject, "*"):
            raise Refused("wrong sub")
        if claims["room"] != "*" and claims["room"].lower() != room:
            raise Refused("token not for this room")
        return claims


class _Handler(QuietHandler):
    def do_GET(self):
        status, answer = self.server.fake.answer(self.path)
        self.send_body(status, json.dumps(answer).encode(), "application/json")
