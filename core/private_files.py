"""Serve a file from private storage after the caller has checked access: byte
ranges streamed (so a phone can seek in a video), or a redirect to a short-lived
signed URL when settings.PRIVATE_MEDIA_REDIRECT is on (S3 in production)."""

import mimetypes
import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse

CHUNK_SIZE = 64 * 1024
# Students re-open lessons and work: let their own browser keep the bytes for a day.
CACHE_CONTROL = "private, max-age=86400"
RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")


def serve_private(request, field_file, *, content_type=None):
    """The response for a FileField value whose access is already granted."""
    if settings.PRIVATE_MEDIA_REDIRECT:
        response = HttpResponseRedirect(field_file.storage.url(field_file.name))
        response["Cache-Control"] = "private, no-store"  # signed URLs expire
        return response
    return serve_file(request, field_file.storage, field_file.name, content_type=content_type)


def serve_file(request, storage, name, *, content_type=None):
    size = storage.size(name)
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    byte_range = parse_range(request.headers.get("Range", ""), size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif byte_range is None:
        response = StreamingHttpResponse(
            RangeFile(storage.open(name, "rb"), 0, size), content_type=content_type
        )
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        response = StreamingHttpResponse(
            RangeFile(storage.open(name, "rb"), start, end - start + 1),
            status=206,
            content_type=content_type,
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = CACHE_CONTROL
    return response


def parse_range(header, size):
    """(start, end) inclusive for one satisfiable byte range, None to send the whole
    file (no header, another unit, several ranges), or "unsatisfiable"."""
    header = header.strip()
    if not header.startswith("bytes="):
        return None
    if "," in header:
        return None  # a multipart answer is allowed to be the whole file instead
    match = RANGE_PATTERN.match(header.replace(" ", ""))
    if not match or match.groups() == ("", ""):
        return "unsatisfiable"
    first, last = match.groups()
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            return "unsatisfiable"
        return max(size - suffix, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return "unsatisfiable"
    return start, end


class RangeFile:
    """Iterates `length` bytes of an open file from `start`; Django closes it after
    the response, even when the phone drops the connection half-way."""

    def __init__(self, handle, start, length):
        self.handle = handle
        self.start = start
        self.remaining = length

    def __iter__(self):
        self.handle.seek(self.start)
        while self.remaining > 0:
            chunk = self.handle.read(min(CHUNK_SIZE, self.remaining))
            if not chunk:
                break
            self.remaining -= len(chunk)
            yield chunk

    def close(self):
        self.handle.close()
