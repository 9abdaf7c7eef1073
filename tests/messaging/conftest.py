"""The people who may (or may not) write to each other, built once per module: a
course with its instructor and an enrolled student, another course she is not in, a
professional with a client's booking, a moderator and a stranger."""

import io
import math
import struct
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image

from accounts.models import MODERATORS_GROUP

from ..booking.conftest import build_booking_site, hold
from ..conftest import make_person
from ..enrolment.conftest import build_course_site
from ..shared_build import built_once_per_module


def build_messaging_site():
    from enrolment.services import enrol

    site = build_course_site()
    site.update(build_booking_site())
    student = make_person(
        "linda@example.cm", first_name="Linda", last_name="Ewane", is_student=True
    )
    enrol(user=student, course=site["course"])
    site.update(
        student=student,
        instructor=site["teacher"],
        booking=hold(site),
        moderator=make_person(
            "moderatrice@example.cm", first_name="Mireille", groups=[MODERATORS_GROUP]
        ),
        stranger=make_person("inconnu@example.cm", first_name="Paul", last_name="Inconnu"),
    )
    return site


messaging_site = built_once_per_module(build_messaging_site, "messaging_site")


@pytest.fixture
def people(messaging_site):
    return messaging_site


def shows(response, text):
    """Whether the page shows `text` (as the template escaped it)."""
    return escape(text) in response.content.decode()


def course_about(site):
    return f"course:{site['course'].pk}"


def start(site, writer, reader, about):
    """A conversation started through the service, for tests about what follows."""
    from messaging import services

    kind, _sep, object_id = about.partition(":")
    return services.start_or_get_conversation(writer, reader, kind, object_id)


def photo_upload(name="tresses.jpg", fmt="JPEG", size=(640, 480)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#8a1c4a").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_upload(name="photo.jpg"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="image/jpeg"
    )


def wav_bytes(seconds=3, rate=8000):
    """A real sound: a 440 Hz tone, as a phone's recorder would hand over a file."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
                for i in range(seconds * rate)
            )
        )
    return buffer.getvalue()


def voice_upload(seconds=3, name="note.wav"):
    return SimpleUploadedFile(name, wav_bytes(seconds), content_type="audio/wav")
