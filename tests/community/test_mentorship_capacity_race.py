"""A mentor answering many requests at once never takes more beginners than her
capacity: the offer's row is locked while active mentorships are counted (PostgreSQL,
real row locks)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from community.errors import CommunityError
from community.mentorship import asking
from community.models import MentorOffer, Mentorship
from course_pages.models import CourseCategory
from directory.models import Town

from ..booking.conftest import skip_unless_postgresql
from ..conftest import make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEGINNERS, CAPACITY = 12, 3


def test_twelve_acceptances_at_once_fill_three_places_and_refuse_the_rest():
    skip_unless_postgresql()
    category = CourseCategory.objects.create(
        name="Tresses", slug="tresses-course", locale=Locale.get_default()
    )
    mentor = make_person("mentore@example.cm", first_name="Awa")
    offer = MentorOffer.objects.create(
        user=mentor,
        speciality=category,
        town=Town.objects.get(slug="douala"),
        capacity=CAPACITY,
        bio="Tresseuse depuis 8 ans.",
    )
    requests = [
        Mentorship.objects.create(
            offer=offer,
            mentor=mentor,
            mentee=make_person(f"debutante{n}@example.cm"),
            message="Bonjour",
        )
        for n in range(BEGINNERS)
    ]

    def accept(request):
        try:
            with translation.override("en"):
                asking.accept(by=mentor, mentorship=request, weeks=6)
            return "accepted"
        except CommunityError as error:
            return error.message
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=BEGINNERS) as pool:
        answers = list(pool.map(accept, requests))

    assert answers.count("accepted") == CAPACITY
    assert {answer for answer in answers if answer != "accepted"} == {
        "You already mentor 3 beginners, as many as your capacity. "
        "End a mentorship or raise your capacity first."
    }
    assert Mentorship.objects.filter(status="active").count() == CAPACITY
