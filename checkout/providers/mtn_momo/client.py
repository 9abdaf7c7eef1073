"""HTTP calls to the MTN MoMo Open API (Collection and Disbursement v1_0), and nothing else:
what the answers mean is decided in provider.py.

Every failure to get a usable answer (timeout, connection error, 5xx, a body that is not
JSON where JSON is due, missing or refused credentials) raises ProviderUnavailable.
4xx answers that concern the request itself are handed back for the provider to judge.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from checkout.errors import ProviderUnavailable
from checkout.providers.base import cache_access_token, json_answer
from checkout.providers.bearer import send_to_provider, send_with_fresh_token_on_401

logger = logging.getLogger(__name__)

# A cached token is dropped this long before MTN says it expires, so a call never
# leaves with a token that dies on the way.
TOKEN_MARGIN_SECONDS = 60
LABEL = "MTN MoMo"
COLLECTION = "collection"
DISBURSEMENT = "disbursement"


@dataclass(frozen=True)
class Credentials:
    """One MoMo product's keys: each product (collection, disbursement) has its own
    subscription key, and its own API user in production."""

    product: str
    subscription_key: str
    api_user: str
    api_key: str


class MomoClient:
    def __init__(self, *, base_url, target_environment, timeout, collection, disbursement=None):
        self.base_url = base_url.rstrip("/")
        self.target_environment = target_environment
        self.timeout = timeout
        self.credentials = {COLLECTION: collection, DISBURSEMENT: disbursement}

    @classmethod
    def from_settings(cls):
        base_url = getattr(settings, "MTN_MOMO_BASE_URL", "")
        collection = Credentials(
            product=COLLECTION,
            subscription_key=getattr(settings, "MTN_MOMO_SUBSCRIPTION_KEY", ""),
            api_user=getattr(settings, "MTN_MOMO_API_USER", ""),
            api_key=getattr(settings, "MTN_MOMO_API_KEY", ""),
        )
        if not (base_url and collection.subscription_key and collection.api_user):
            raise ProviderUnavailable("MTN MoMo is not configured (MTN_MOMO_* settings).")
        # Disbursement is a product of its own: its own subscription key, and an API user
        # made under that key. Without all three, refunds wait for staff.
        disbursement = Credentials(
            product=DISBURSEMENT,
            subscription_key=getattr(settings, "MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY", ""),
            api_user=getattr(settings, "MTN_MOMO_DISBURSEMENT_API_USER", ""),
            api_key=getattr(settings, "MTN_MOMO_DISBURSEMENT_API_KEY", ""),
        )
        if not (disbursement.subscription_key and disbursement.api_user and disbursement.api_key):
            disbursement = None
        return cls(
            base_url=base_url,
            target_environment=getattr(settings, "MTN_MOMO_TARGET_ENVIRONMENT", "sandbox"),
            timeout=float(getattr(settings, "CHECKOUT_HTTP_TIMEOUT", 10)),
            collection=collection,
            disbursement=disbursement,
        )

    # --- Collection -----------------------------------------------------------------

    def request_to_pay(self, *, reference_id, callback_url, body):
        """POST requesttopay. MTN answers 202 (accepted, no body), 409 when this
        X-Reference-Id was already used, or a 4xx with {"code", "message"}."""
        headers = {"X-Reference-Id": reference_id}
        if callback_url:
            headers["X-Callback-Url"] = callback_url
        return self._authorised(
            COLLECTION, "POST", "/collection/v1_0/requesttopay", headers=headers, json=body
        )

    def request_to_pay_status(self, reference_id):
        """GET requesttopay/{referenceId}: the JSON status, or ProviderUnavailable."""
        response = self._authorised(
            COLLECTION, "GET", f"/collection/v1_0/requesttopay/{reference_id}"
        )
        return json_answer(response, expected=(200,), provider_label=LABEL)

    # --- Disbursement (refunds) ---------------------------------------------------------

    def refund(self, *, reference_id, body):
        """POST disbursement refund: 202 when accepted; anything else is handed back."""
        return self._authorised(
            DISBURSEMENT,
            "POST",
            "/disbursement/v1_0/refund",
            headers={"X-Reference-Id": reference_id},
            json=body,
        )

    @property
    def can_disburse(self):
        return self.credentials[DISBURSEMENT] is not None

    def refund_status(self, reference_id):
        """GET refund/{referenceId}: the JSON status, or None when MTN has no refund under
        this reference (our request never reached it)."""
        response = self._authorised(
            DISBURSEMENT, "GET", f"/disbursement/v1_0/refund/{reference_id}"
        )
        if response.status_code == 404:
            return None
        return json_answer(response, expected=(200,), provider_label=LABEL)

    # --- Plumbing ----------------------------------------------------------------------

    def _credentials(self, product):
        credentials = self.credentials[product]
        if credentials is None:
            raise ProviderUnavailable(
                f"MTN MoMo {product} is not configured (MTN_MOMO_DISBURSEMENT_* settings)."
            )
        return credentials

    def _token_cache_key(self, credentials):
        # Hashed: the key names the account without putting credentials in the cache.
        identity = f"{self.base_url}|{credentials.api_user}|{credentials.subscription_key}"
        digest = hashlib.sha256(identity.encode()).hexdigest()[:24]
        return f"checkout:mtn_momo:token:{credentials.product}:{digest}"

    def access_token(self, product, *, fresh=False):
        """A Bearer token for the product, from the cache while it is valid."""
        credentials = self._credentials(product)
        key = self._token_cache_key(credentials)
        if not fresh:
            token = cache.get(key)
            if token:
                return token
        response = self._send(
            "POST",
            f"/{product}/token/",
            auth=(credentials.api_user, credentials.api_key),
            headers={"Ocp-Apim-Subscription-Key": credentials.subscription_key},
        )
        data = json_answer(response, expected=(200,), provider_label=LABEL)
        return cache_access_token(key, data, "MTN MoMo", TOKEN_MARGIN_SECONDS)

    def _authorised(self, product, method, path, *, headers=None, json=None):
        """A call with a Bearer token for the product (fresh once after a 401)."""
        credentials = self._credentials(product)

        def send(fresh):
            all_headers = {
                "Authorization": f"Bearer {self.access_token(product, fresh=fresh)}",
                "X-Target-Environment": self.target_environment,
                "Ocp-Apim-Subscription-Key": credentials.subscription_key,
                **(headers or {}),
            }
            return self._send(method, path, headers=all_headers, json=json)

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
        if response.status_code in (401, 403) and path.endswith("/token/"):
            logger.error("MTN MoMo refused our API user or key (%s)", response.status_code)
            raise ProviderUnavailable(f"MTN MoMo token: HTTP {response.status_code}")
        return response


def error_code(response):
    """MTN's error "code" from a 4xx body ({"code": ..., "message": ...}), or ""."""
    try:
        data = response.json()
    except ValueError:
        return ""
    return str(data.get("code", "")) if isinstance(data, dict) else ""
