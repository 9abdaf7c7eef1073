"""Calls behind an OAuth Bearer token that may die before its announced expiry (the
provider revoked it or restarted): core.bearer_tokens retries once with a fresh token;
here a second 401 becomes checkout's own error."""

import logging

import requests

from checkout.errors import ProviderUnavailable
from core.bearer_tokens import retry_once_on_401

logger = logging.getLogger(__name__)


def send_with_fresh_token_on_401(*, send, provider_label, method, path):
    """`send(fresh)` makes the call with a cached token (fresh=False), then with a new
    one (fresh=True) if the first answer is 401. A second 401 means our credentials are
    refused: ProviderUnavailable."""
    response = retry_once_on_401(send)
    if response.status_code != 401:
        return response
    logger.error("%s refused our credentials on %s %s", provider_label, method, path)
    raise ProviderUnavailable(f"{provider_label} refused our credentials (401).")


def send_to_provider(*, provider_label, base_url, method, path, timeout, **kwargs):
    """One HTTP call to a provider's API. No answer, or a 5xx, is ProviderUnavailable:
    the outcome is unknown and the call may be made again later."""
    try:
        response = requests.request(method, f"{base_url}{path}", timeout=timeout, **kwargs)
    except requests.RequestException as error:
        raise ProviderUnavailable(f"{provider_label} {method} {path}: {error!r}") from error
    if response.status_code >= 500:
        raise ProviderUnavailable(f"{provider_label} {method} {path}: HTTP {response.status_code}")
    return response
