"""A photo whose header claims huge dimensions (a "decompression bomb": 20,000 × 20,000
pixels in a few bytes) is refused with a message, for practice work and professional
portraits alike (both go through core.photos), and nothing is stored."""

import html
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enrolment.models import Submission, SubmissionPhoto

from .conftest import photo_upload


def png_claiming(width, height):
    """A PNG header with these dimensions and almost no pixel data."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.django_db
def test_a_photo_of_too_many_pixels_is_refused_and_nothing_is_stored(client, course_site, enrolled):
    client.force_login(enrolled)
    work = course_site["work"]
    url = f"/fr/learn/lesson/{work.pk}/work/{work.body[0].id}/"

    for width, height in ((20_000, 20_000), (9_000, 9_000)):
        bomb = SimpleUploadedFile("bombe.png", png_claiming(width, height), "image/png")
        response = client.post(url, {"photos": [photo_upload(), bomb]}, follow=True)

        assert response.status_code == 200
        assert "« bombe.png » a trop de pixels" in html.unescape(response.content.decode()).replace(
            "\xa0", " "
        )
    assert not Submission.objects.exists() and not SubmissionPhoto.objects.exists()
