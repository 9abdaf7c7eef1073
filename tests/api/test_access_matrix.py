"""The pages' access matrix (tests/enrolment/test_access_matrix.py), run through the API:
each kind of person, signed in as a phone app is (a session token, no cookie), meets the
same rule for a gated lesson and a preview lesson as on the pages. Where a page sends a
visitor to the login page, the API answers 401."""

import pytest
from django.test import Client

from ..conftest import PASSWORD
from ..enrolment import conftest as enrolment_fixtures
from ..enrolment import test_access_matrix as page_matrix
from .conftest import LOGIN, assert_problem

pytestmark = pytest.mark.django_db

# The pages' matrix: its course, its people and what each may see.
course_site = enrolment_fixtures.course_site
enrolled = enrolment_fixtures.enrolled
people = page_matrix.people
EXPECTED_LESSON = page_matrix.EXPECTED_LESSON

# The page's answer, as the API gives it: no login page to send an app to.
API_STATUS = {302: 401}


def caller(person):
    """An app signed in as `person` (None: no token at all)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    if person is None:
        return client
    response = client.post(
        LOGIN, {"email": person.email, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    client.cookies.clear()
    client.defaults["HTTP_X_SESSION_TOKEN"] = response.json()["meta"]["session_token"]
    return client


def expect(response, page_status):
    status = API_STATUS.get(page_status, page_status)
    if status == 200:
        assert response.status_code == 200, response.content[:300]
        return response.json()
    return assert_problem(response, status)


@pytest.mark.parametrize("who", list(EXPECTED_LESSON))
def test_gated_lesson(course_site, people, who):
    response = caller(people[who]).get(f"/api/v1/lessons/{course_site['reading'].pk}/")

    shown = str(expect(response, EXPECTED_LESSON[who]))
    assert ("Pinceaux et éponges" in shown) == (response.status_code == 200)


@pytest.mark.parametrize("who", list(EXPECTED_LESSON))
def test_preview_lesson_is_open_to_everyone(course_site, people, who):
    response = caller(people[who]).get(f"/api/v1/lessons/{course_site['preview'].pk}/")

    assert response.status_code == 200, response.content[:300]
