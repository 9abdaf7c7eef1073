"""Images instructors upload in the editor: checked by content and size, SVG refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.images import get_image_model

from ..shared_build import built_once_per_module
from .builders import build_site, make_instructor

pytestmark = pytest.mark.django_db

ADD_IMAGE = "/admin/images/add/"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#8a1c4a").save(buffer, "JPEG")
    return buffer.getvalue()


def build_site_with_an_instructor():
    """The site and Aïcha, an instructor (built once per module: tests/shared_build.py)."""
    site = build_site()
    site["aicha"], _ = make_instructor("aicha@example.cm", index=site["instructors"])
    return site


uploaders_site = built_once_per_module(build_site_with_an_instructor, "uploaders_site")


@pytest.fixture
def instructor_client(client, uploaders_site):
    client.force_login(uploaders_site["aicha"])
    return client


def upload(client, name, content, content_type):
    return client.post(
        ADD_IMAGE,
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_a_real_photo_is_accepted(instructor_client):
    response = upload(instructor_client, "teint.jpg", jpeg_bytes(), "image/jpeg")

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="teint.jpg").exists()


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("photo.jpg", SVG, "image/jpeg"),
        ("photo.jpg", b"MZ\x90\x00 not an image", "image/jpeg"),
    ],
    ids=["svg", "svg-named-jpg", "executable-named-jpg"],
)
def test_svg_and_files_that_are_not_images_are_refused(
    instructor_client, name, content, content_type
):
    response = upload(instructor_client, name, content, content_type)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1024)
def test_an_image_over_the_size_limit_is_refused(instructor_client):
    big = io.BytesIO()
    Image.effect_noise((200, 200), 80).convert("RGB").save(big, "PNG")

    response = upload(instructor_client, "grand.png", big.getvalue(), "image/png")

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()
