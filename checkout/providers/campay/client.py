"""HTTP calls to the Campay API (https://www.campay.net/api/ and the demo host), and
nothing else: what the answers mean is decided in provider.py.

Every failure to get a usable answer (timeout, connection error, 5xx, a body that is not
JSON where JSON is due, refused credentials) raises ProviderUnavailable. 4xx answers that
concern the request itself are handed back for the provider to judge.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from checkout.errors import ProviderUnavailable
from checkout.providers.base import cache_access_token, json_answer
from checkout.providers.bearer import send_to_provider, send_with_fresh_token_on_401

logger = logging.getLogger(__name__)

LABEL = "Campay"
# A cached token is dropped this long before Campay says it expires.
TOKEN_MARGIN_SECONDS = 60


class CampayClient:
    def __init__(self, *, base_url, username, password, timeout):
        self.base_url = base_url.rstrip("/")
        self.username = username
        self.password = password
        self.timeout = timeout

    @classmethod
    def from_settings(cls):
        client = cls(
            base_url=getattr(settings, "CAMPAY_BASE_URL", ""),
            username=getattr(settings, "CAMPAY_USERNAME", ""),
            password=getattr(settings, "CAMPAY_PASSWORD", ""),
            timeout=float(getattr(settings, "CHECKOUT_HTTP_TIMEOUT", 10)),
        )
        if not (client.base_url and client.username and client.password):
            raise ProviderUnavailable("Campay is not configured (CAMPAY_* settings).")
        return client

    def collect(self, body):
        """POST /api/collect/: the prompt on the payer's phone. Handed back as is."""
        return self._authorised("POST", "/api/collect/", json=body)

    def withdraw(self, body):
        """POST /api/withdraw/: money sent to a number. Handed back as is."""
        return self._authorised("POST", "/api/withdraw/", json=body)

    def transaction(self, reference):
        """GET /api/transaction/{reference}/: the JSON status, or ProviderUnavailable."""
        response = self._authorised("GET", f"/api/transaction/{reference}/")
        return json_answer(response, expected=(200,), provider_label=LABEL)

    def history(self, *, start_date, end_date):
        """POST /api/history/: the app's transactions between two dates (inclusive)."""
        response = self._authorised(
            "POST",
            "/api/history/",
            json={"start_date": start_date.isoformat(), "end_date": end_date.isoformat()},
        )
        data = json_answer(response, expected=(200,), provider_label=LABEL)
        entries = data.get("data")
        if not isinstance(entries, list):
            raise ProviderUnavailable("Campay history answer has no data list.")
        return [entry for entry in entries if isinstance(entry, dict)]

    # --- Plumbing ----------------------------------------------------------------------

    def _token_cache_key(self):
        identity = f"{self.base_url}|{self.username}"
        return "checkout:campay:token:" + hashlib.sha256(identity.encode()).hexdigest()[:24]

    def access_token(self, *, fresh=False):
        key = self._token_cache_key()
        if not fresh:
            token = cache.get(key)
            if token:
                return token
        response = self._send(
            "POST", "/api/token/", json={"username": self.username, "password": self.password}
        )
        if response.status_code in (400, 401, 403):
            logger.error("Campay refused our app username or password (%s)", response.status_code)
        data = json_answer(response, expected=(200,), provider_label=LABEL)
        # Campay names its token "token"; the shared cache reads "access_token".
        answer = {"access_token": data.get("token"), "expires_in": data.get("expires_in", 0)}
        return cache_access_token(key, answer, LABEL, TOKEN_MARGIN_SECONDS)

    def _authorised(self, method, path, *, json=None):
        """A call with Campay's "Token" authorisation (a fresh token once after a 401)."""

        def send(fresh):
            headers = {"Authorization": f"Token {self.access_token(fresh=fresh)}"}
            return self._send(method, path, headers=headers, json=json)

        return send_with_fresh_token_on_401(
            send=send, provider_label=LABEL, method=method, path=path
        )

    def _send(self, method, path, **kwargs):
        response = send_to_provider(
            provider_label=LABEL,
            base_url=self.base_url,
            method=method,
            path=path,
            timeout=self.timeout,
            **kwargs,
        )
        return response


def error_message(response):
    """Campay's "message" (or "detail") from a 4xx body, or ""."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    return str(data.get("message") or data.get("detail") or data.get("error_code") or "")
