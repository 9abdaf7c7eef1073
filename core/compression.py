"""Text answers (pages, JSON, the service worker) go out gzipped: a phone on paid data
gets a lesson page in a quarter of the bytes, on every visit (issue 18). Django's
GZipMiddleware pads each answer with random bytes against BREACH (secrets such as the
CSRF token sit in pages). Files are left alone: static files come precompressed from
WhiteNoise in production, and images, videos and byte ranges gain nothing or would break."""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").lower()
        if (
            response.streaming
            or response.status_code != 200
            or not content_type.startswith(COMPRESSED_TYPES)
        ):
            return response
        return super().process_response(request, response)
