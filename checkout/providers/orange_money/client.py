"""HTTP calls to Orange Money Cameroon's merchant payment API (omcoreapis 1.0.2, "mp"),
and nothing else: what the answers mean is decided in provider.py.

Every failure to get a usable answer (timeout, connection error, 5xx, a body that is not
JSON where JSON is due, refused credentials) raises ProviderUnavailable. 4xx answers that
concern the payment itself are handed back for the provider to judge.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from checkout.errors import ProviderUnavailable
from checkout.providers.base import cache_access_token, json_answer
from checkout.providers.bearer import send_to_provider, send_with_fresh_token_on_401

logger = logging.getLogger(__name__)

# A cached token is dropped this long before Orange says it expires.
TOKEN_MARGIN_SECONDS = 60
LABEL = "Orange Money"
MP_PATH = "/omcoreapis/1.0.2/mp"


class OrangeMoneyClient:
    def __init__(self, *, base_url, client_id, client_secret, x_auth_token, timeout):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.x_auth_token = x_auth_token
        self.timeout = timeout

    @classmethod
    def from_settings(cls):
        client = cls(
            base_url=getattr(settings, "ORANGE_MONEY_BASE_URL", ""),
            client_id=getattr(settings, "ORANGE_MONEY_CLIENT_ID", ""),
            client_secret=getattr(settings, "ORANGE_MONEY_CLIENT_SECRET", ""),
            x_auth_token=getattr(settings, "ORANGE_MONEY_X_AUTH_TOKEN", ""),
            timeout=float(getattr(settings, "CHECKOUT_HTTP_TIMEOUT", 10)),
        )
        if not (client.base_url and client.client_id and client.x_auth_token):
            raise ProviderUnavailable("Orange Money is not configured (ORANGE_MONEY_* settings).")
        return client

    def init(self):
        """POST mp/init: a new payToken, which names the payment from now on."""
        response = self._authorised("POST", f"{MP_PATH}/init")
        data = json_answer(response, expected=(200, 201), provider_label=LABEL)
        payload = data.get("data")
        pay_token = payload.get("payToken") if isinstance(payload, dict) else None
        if not pay_token:
            raise ProviderUnavailable("Orange Money init answer has no data.payToken.")
        return str(pay_token)

    def pay(self, body):
        """POST mp/pay: the prompt on the customer's phone. Handed back as is."""
        return self._authorised("POST", f"{MP_PATH}/pay", json=body)

    def payment_status(self, pay_token):
        response = self._authorised("GET", f"{MP_PATH}/paymentstatus/{pay_token}")
        return json_answer(response, expected=(200,), provider_label=LABEL)

    # --- Plumbing ----------------------------------------------------------------------

    def _token_cache_key(self):
        identity = f"{self.base_url}|{self.client_id}"
        return "checkout:orange_money:token:" + hashlib.sha256(identity.encode()).hexdigest()[:24]

    def access_token(self, *, fresh=False):
        key = self._token_cache_key()
        if not fresh:
            token = cache.get(key)
            if token:
                return token
        response = self._send(
            "POST",
            "/token",
            auth=(self.client_id, self.client_secret),
            data={"grant_type": "client_credentials"},
        )
        if response.status_code in (400, 401, 403):
            logger.error("Orange Money refused our client credentials (%s)", response.status_code)
        data = json_answer(response, expected=(200,), provider_label=LABEL)
        return cache_access_token(key, data, "Orange Money", TOKEN_MARGIN_SECONDS)

    def _authorised(self, method, path, *, json=None):
        """A call with a Bearer token (fresh once after a 401)."""

        def send(fresh):
            headers = {
                "Authorization": f"Bearer {self.access_token(fresh=fresh)}",
                "X-AUTH-TOKEN": self.x_auth_token,
                "Accept": "application/json",
            }
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
