"""People around mentorship, built once per module on top of the study groups' people:
the graduate (a certificate) and Awa (a certificate) may mentor; Nadia (enrolled) and
Linda may only ask. Offers and mentorships are made per test through the services."""

import pytest
from django.utils import timezone

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .conftest import OLD, build_community_site


def certify(site, user, code):
    from certificates.models import Certificate
    from enrolment.services import enrol

    enrolment, _created = enrol(user=user, course=site["course"])
    return Certificate.objects.create(
        code=code,
        enrolment=enrolment,
        user=user,
        course=site["course"],
        student_name=user.get_full_name(),
        course_title_fr="Tresses",
        course_title_en="Braids",
        instructor_name="Aïcha",
        hours=2,
        issued_at=timezone.now(),
        signature="z" * 20,
    )


def build_mentorship_site():
    from directory.models import Town

    site = build_community_site()
    awa = make_person(
        "awa@example.cm", first_name="Awa", last_name="Ndiaye", date_joined=OLD, town="Yaoundé"
    )
    certify(site, awa, "BSA-TEST-0002")
    site.update(awa=awa, bafoussam=Town.objects.get(slug="bafoussam"))
    return site


mentorship_site = built_once_per_module(build_mentorship_site, "mentorship_site")


@pytest.fixture
def people(mentorship_site):
    return mentorship_site


def make_offer(site, user=None, *, town="douala", capacity=2, **extra):
    from community.mentorship import offers

    return offers.save_offer(
        user=user or site["graduate"],
        speciality=extra.pop("speciality", site["category"]),
        speaks_french=extra.pop("speaks_french", True),
        speaks_english=extra.pop("speaks_english", False),
        town=site[town],
        capacity=capacity,
        bio=extra.pop("bio", "Tresseuse depuis 8 ans, je montre les bases et les finitions."),
        **extra,
    )


def ask(offer, user, message="Bonjour, je voudrais apprendre les knotless."):
    from community.mentorship import asking

    return asking.ask(user=user, offer=offer, message=message)


def active_mentorship(site, offer=None, mentee=None, weeks=6):
    from community.mentorship import asking

    offer = offer or make_offer(site)
    request = ask(offer, mentee or site["founder"])
    return asking.accept(by=offer.user, mentorship=request, weeks=weeks)


def ended_mentorship(site, **kwargs):
    from community.mentorship import ending

    mentorship = active_mentorship(site, **kwargs)
    return ending.end_early(user=mentorship.mentor, mentorship=mentorship)
