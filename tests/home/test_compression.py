"""Text answers go out gzipped (core.compression); files, byte ranges and answers to
browsers that do not ask for it are left as they are."""

from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from core.compression import TextGZipMiddleware

TEXT = b"<p>Le geste du jour</p>" * 200


def answer(response, accept="gzip"):
    request = RequestFactory().get("/fr/", headers={"Accept-Encoding": accept})
    return TextGZipMiddleware(lambda _request: response)(request)


def test_a_page_is_gzipped_for_a_browser_that_accepts_it():
    response = answer(HttpResponse(TEXT, content_type="text/html; charset=utf-8"))

    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < len(TEXT) / 4
    assert "Accept-Encoding" in response["Vary"]


def test_a_page_stays_plain_for_a_browser_that_does_not_ask():
    response = answer(HttpResponse(TEXT, content_type="text/html"), accept="")

    assert response.content == TEXT
    assert not response.has_header("Content-Encoding")


def test_images_byte_ranges_and_streamed_files_are_left_alone():
    image = answer(HttpResponse(TEXT, content_type="image/jpeg"))
    ranged = answer(HttpResponse(TEXT, content_type="text/plain", status=206))
    streamed = answer(StreamingHttpResponse(iter([TEXT]), content_type="text/css"))

    assert image.content == TEXT and not image.has_header("Content-Encoding")
    assert ranged.content == TEXT and not ranged.has_header("Content-Encoding")
    assert b"".join(streamed.streaming_content) == TEXT
    assert not streamed.has_header("Content-Encoding")
