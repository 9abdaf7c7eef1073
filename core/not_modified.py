"""An unchanged answer (304 Not Modified) carries only what a cache needs to reuse what
it already has (RFC 9110, 15.4.5), not the security headers meant for a document: a
phone polling every few seconds on paid data gets a ~200-byte answer, not a kilobyte."""

# Lower-case header names a 304 keeps; the request id stays for the logs.
KEPT_ON_NOT_MODIFIED = {
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "vary",
    "x-request-id",
}


class SlimNotModifiedMiddleware:
    """First in MIDDLEWARE, so it sees the response after every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 304:
            for name in list(response.headers):
                if name.lower() not in KEPT_ON_NOT_MODIFIED:
                    del response.headers[name]
        return response
