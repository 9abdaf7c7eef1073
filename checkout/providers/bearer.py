"""Calls behind an OAuth Bearer token that may die before its announced expiry (the
provider revoked it or restarted): on a 401, get a fresh token and try once more."""

import logging

from checkout.errors import ProviderUnavailable

logger = logging.getLogger(__name__)


def send_with_fresh_token_on_401(*, send, provider_label, method, path):
    """`send(fresh)` makes the call with a cached token (fresh=False), then with a new
    one (fresh=True) if the first answer is 401. A second 401 means our credentials are
    refused: ProviderUnavailable."""
    for fresh in (False, True):
        response = send(fresh)
        if response.status_code != 401:
            return response
    logger.error("%s refused our credentials on %s %s", provider_label, method, path)
    raise ProviderUnavailable(f"{provider_label} refused our credentials (401).")
