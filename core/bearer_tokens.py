"""OAuth2 client-credentials tokens kept in the Django cache, and the "401 means the
token died early: fetch a fresh one and try once more" call pattern, for any app that
talks to a provider with bearer tokens (no app-specific errors here: callers turn
BadTokenAnswer into their own)."""

from django.core.cache import cache


class BadTokenAnswer(Exception):
    """The token endpoint answered without a usable access_token."""


class CachedBearerToken:
    """``fetch()`` asks the provider and returns its answer ({access_token, expires_in});
    the token is kept until ``margin_seconds`` before it expires."""

    def __init__(self, *, cache_key, fetch, margin_seconds=60):
        self.cache_key = cache_key
        self.fetch = fetch
        self.margin_seconds = margin_seconds

    def get(self, *, fresh=False):
        if not fresh:
            token = cache.get(self.cache_key)
            if token:
                return token
        return keep_token(self.cache_key, self.fetch(), self.margin_seconds)


def keep_token(cache_key, answer, margin_seconds):
    """Keep a token answer ({access_token, expires_in}) in the cache until
    ``margin_seconds`` before it expires, and return the token."""
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not token or not isinstance(token, str):
        raise BadTokenAnswer("The token answer has no access_token.")
    try:
        lifetime = int(answer.get("expires_in", 0)) - margin_seconds
    except (TypeError, ValueError):
        lifetime = 0
    if lifetime > 0:
        cache.set(cache_key, token, lifetime)
    else:
        cache.delete(cache_key)
    return token


def retry_once_on_401(send):
    """``send(fresh)`` makes the call with the cached token (fresh=False), then, if the
    answer is 401, with a new one (fresh=True). The last answer is returned."""
    response = send(False)
    if response.status_code == 401:
        response = send(True)
    return response


def call_with_bearer(token, send):
    """``send(access_token)`` with a CachedBearerToken, retried once on a 401."""
    return retry_once_on_401(lambda fresh: send(token.get(fresh=fresh)))
