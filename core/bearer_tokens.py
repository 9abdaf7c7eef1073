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
        answer = self.fetch()
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not token or not isinstance(token, str):
            raise BadTokenAnswer("The token answer has no access_token.")
        try:
            lifetime = int(answer.get("expires_in", 0)) - self.margin_seconds
        except (TypeError, ValueError):
            lifetime = 0
        if lifetime > 0:
            cache.set(self.cache_key, token, lifetime)
        else:
            cache.delete(self.cache_key)
        return token


def call_with_bearer(token, send):
    """``send(access_token)`` returns a requests.Response; on a 401 the cached token is
    replaced by a fresh one and the call made once more. The last answer is returned."""
    response = send(token.get())
    if response.status_code == 401:
        response = send(token.get(fresh=True))
    return response
