"""Text answers (pages, JSON, the service worker) go out gzipped: a phone on paid data
gets a lesson page in a quarter of the bytes, on every visit (issue 18). Django's
GZipMiddleware pads each answer with random bytes against BREACH (secrets such as the
CSRF token sit in pages). Files are left alone: static files come precompressed from
WhiteNoise in production, and images, videos and byte ranges gain nothing or would break."""

import gzip

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

COMPRESSED_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


# GZipMiddleware leaves shorter answers alone: gzip's own header would outweigh the gain.
MIN_COMPRESSED_LENGTH = 200


def compressible(content_type):
    return content_type.lower().startswith(COMPRESSED_TYPES)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if response.streaming or response.status_code != 200 or not compressible(content_type):
            return response
        return super().process_response(request, response)


def gzipped_once(body, content_type):
    """``body`` gzipped for keeping (the page cache), or None when it would not be sent
    gzipped. No random padding: what is kept is the same for every anonymous visitor and
    holds no secret for BREACH to guess."""
    if len(body) < MIN_COMPRESSED_LENGTH or not compressible(content_type):
        return None
    compressed = compress_string(body)
    return compressed if len(compressed) < len(body) else None


def kept_answer_body(request, response, gzipped):
    """Puts a body kept gzipped on ``response``: as it is for a client that takes gzip
    (every browser, and nginx in front), unzipped for the rare one that does not. The
    answer then looks as TextGZipMiddleware would have made it (which leaves it alone)."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return gzip.decompress(gzipped)
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag
    response["Content-Encoding"] = "gzip"
    return gzipped
