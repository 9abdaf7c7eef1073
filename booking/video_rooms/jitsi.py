"""Rooms on Jitsi Meet opened with a signed token (JWT), one per person, passed as
`?jwt=` on the room's address. Prosody's token auth checks the signature, `aud`,
`iss`, `sub` (the domain, or the JaaS tenant), `room`, `nbf` and `exp`: a token changed
by hand (an attendee made moderator, another room) or out of its time is refused.

- Self-hosted (jitsi-meet's prosody token auth, "Shared Secret Validation"): HS256
  with the app secret, iss = app id, sub = domain.
- JaaS (8x8 "The Jitsi JSON Web Token"): RS256 with our private key, the key id in the
  header (kid "vpaas-magic-cookie-…/…"), iss "chat", sub = tenant, the room at
  https://8x8.vc/<tenant>/<room>.

Every value in context.user is a string ("true"/"false"): lib-jitsi-meet refuses
other types there."""

from pathlib import Path
from urllib.parse import quote

import jwt

from .base import VideoRooms

AUDIENCE = "jitsi"
# A one-to-one consultation on JaaS: no recording, streaming or phone dial-out.
FEATURES_OFF = ("livestreaming", "recording", "transcription", "outbound-call")


def flag(value):
    return "true" if value else "false"


class JitsiRooms(VideoRooms):
    """A self-hosted Jitsi Meet with prosody token auth (HS256)."""

    algorithm = "HS256"

    def __init__(self, *, domain, app_id, secret, url=""):
        self.domain = domain
        self.app_id = app_id
        self.secret = secret
        self.url = (url or f"https://{domain}").rstrip("/")

    def issuer(self):
        return self.app_id

    def subject(self):
        return self.domain

    def signing_key(self):
        return self.secret

    def headers(self):
        return None

    def room_address(self, room):
        return f"{self.url}/{quote(room)}"

    def user(self, call_pass):
        return {
            "id": str(call_pass.user_id),
            "name": call_pass.name,
            "moderator": flag(call_pass.moderator),
            # What jitsi-meet's token_affiliation module reads for the same right.
            "affiliation": "owner" if call_pass.moderator else "member",
        }

    def context(self, call_pass):
        return {"user": self.user(call_pass)}

    def claims(self, call_pass):
        return {
            "aud": AUDIENCE,
            "iss": self.issuer(),
            "sub": self.subject(),
            "room": call_pass.room,
            "nbf": int(call_pass.not_before.timestamp()),
            "exp": int(call_pass.expires_at.timestamp()),
            "context": self.context(call_pass),
        }

    def token(self, call_pass):
        return jwt.encode(
            self.claims(call_pass),
            self.signing_key(),
            algorithm=self.algorithm,
            headers=self.headers(),
        )

    def join_url(self, call_pass):
        return f"{self.room_address(call_pass.room)}?jwt={self.token(call_pass)}"


def read_private_key(value):
    """The PEM itself, or the PEM read from the file `value` names."""
    text = value.strip()
    if text.startswith("-----BEGIN"):
        return text
    return Path(text).read_text()


class JaasRooms(JitsiRooms):
    """8x8's Jitsi as a Service (RS256)."""

    algorithm = "RS256"

    def __init__(self, *, tenant, key_id, private_key, url="https://8x8.vc"):
        super().__init__(domain="", app_id="chat", secret="", url=url)
        self.tenant = tenant
        # The key id may be given whole ("vpaas-magic-cookie-…/abc123") or as its tail.
        self.key_id = key_id if "/" in key_id else f"{tenant}/{key_id}"
        self.private_key = private_key

    def subject(self):
        return self.tenant

    def signing_key(self):
        return read_private_key(self.private_key)

    def headers(self):
        return {"kid": self.key_id}

    def room_address(self, room):
        return f"{self.url}/{quote(self.tenant)}/{quote(room)}"

    def user(self, call_pass):
        return {
            "id": str(call_pass.user_id),
            "name": call_pass.name,
            "moderator": flag(call_pass.moderator),
        }

    def context(self, call_pass):
        return {"user": self.user(call_pass), "features": dict.fromkeys(FEATURES_OFF, "false")}
