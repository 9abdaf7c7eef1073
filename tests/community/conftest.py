"""People around study groups, built once per module: a course with its instructor,
an enrolled student who creates groups, a graduate whose access ended but who holds
her certificate, a classmate, a stranger who never enrolled, and a moderator. Groups
themselves are made per test through the services."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image

from accounts.models import MODERATORS_GROUP

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor
from ..shared_build import built_once_per_module

OLD = timezone.now() - timezone.timedelta(days=60)


def build_community_site():
    from certificates.models import Certificate
    from directory.models import Town
    from enrolment.models import Enrolment
    from enrolment.services import enrol

    site = build_site()
    teacher, teacher_page = make_instructor(
        "aicha@example.cm", index=site["instructors"], title="Aïcha"
    )
    course = make_course(site["catalogue"], teacher_page, title="Tresses", price_xaf=0)
    # Long-standing members: the new-member limits are tested on their own.
    founder = make_person(
        "nadia@example.cm", first_name="Nadia", last_name="Mbarga", date_joined=OLD
    )
    enrol(user=founder, course=course)
    graduate = make_person(
        "carine@example.cm", first_name="Carine", last_name="Eyenga", date_joined=OLD
    )
    enrolment, _created = enrol(user=graduate, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.REVOKED)
    Certificate.objects.create(
        code="BSA-TEST-0001",
        enrolment=enrolment,
        user=graduate,
        course=course,
        student_name="Carine Eyenga",
        course_title_fr="Tresses",
        course_title_en="Braids",
        instructor_name="Aïcha",
        hours=2,
        issued_at=timezone.now(),
        signature="z" * 20,
    )
    site.update(
        teacher=teacher,
        course=course,
        founder=founder,
        graduate=graduate,
        classmate=make_person(
            "linda@example.cm", first_name="Linda", last_name="Tchoua", date_joined=OLD
        ),
        stranger=make_person(
            "paul@example.cm", first_name="Paul", last_name="Inconnu", date_joined=OLD
        ),
        moderator=make_person(
            "mireille@example.cm", first_name="Mireille", groups=[MODERATORS_GROUP]
        ),
        douala=Town.objects.get(slug="douala"),
        yaounde=Town.objects.get(slug="yaounde"),
    )
    return site


community_site = built_once_per_module(build_community_site, "community_site")


@pytest.fixture
def people(community_site):
    return community_site


def make_group(site, *, owner=None, name="Tresses Douala", town="douala", is_open=True, **extra):
    from community import groups

    return groups.create_group(
        user=owner or site["founder"],
        name=name,
        description=extra.pop("description", "On s'entraîne aux tresses le samedi."),
        language=extra.pop("language", "fr"),
        speciality=extra.pop("speciality", site["category"]),
        town=site[town] if town else None,
        is_open=is_open,
    )


def address(group, language="fr"):
    """The group's page in a language (reverse() follows whatever language is active)."""
    return f"/{language}/groups/{group.pk}-{group.slug}/"


def add_member(group, user):
    from community.models import Membership

    return Membership.objects.create(group=group, user=user, status=Membership.Status.MEMBER)


def plain(text):
    """French typography's no-break spaces read as spaces, so tests type plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def shows(response, text):
    """Whether the page shows `text`, as a variable (escaped) or a translation (as is)."""
    page = plain(response.content.decode())
    return plain(escape(text)) in page or plain(text) in page


def photo_upload(name="tresses.jpg", fmt="JPEG", size=(1200, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#8a1c4a").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_upload(name="photo.jpg"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="image/jpeg"
    )


def _build_follow_site():
    from .follows_site import build_follow_site

    return build_follow_site()


# The people of the follows tests (tests/community/test_follows_*.py).
follow_site = built_once_per_module(_build_follow_site, "follow_site")
