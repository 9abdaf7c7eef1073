"""Pages for signed-in people are rendered for each of them, but the parts that are the
same for everyone (navigation, footer, course cards) come from the cache (issue 19)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enrolment import services as learning

from ..conftest import make_person
from ..home.builders import build_home_site, course
from ..shared_build import built_once_per_module

pytestmark = pytest.mark.django_db


def build_site_with_an_enrolled_student():
    """Ten free courses, Binta enrolled in four (built once per module:
    tests/shared_build.py)."""
    site = build_home_site()
    courses = [course(site, f"Formation {n}", f"formation-{n}", price_xaf=0) for n in range(10)]
    student = make_person("binta@example.cm", first_name="Binta", last_name="Sow")
    for enrolled in courses[:4]:
        learning.enrol(user=student, course=enrolled)
    return {**site, "courses": courses, "student": student}


student_site = built_once_per_module(build_site_with_an_enrolled_student, "student_site")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("page", ["catalogue", "my learning"])
def test_shared_fragments_save_queries_for_a_signed_in_student(client, student_site, page):
    client.force_login(student_site["student"])
    url = student_site["catalogue"].url if page == "catalogue" else "/fr/learn/"

    cold, first = queries_for(client, url)
    warm, again = queries_for(client, url)

    print(f"{page}, signed in: {cold} queries with cold fragments, {warm} with warm ones")
    assert warm < cold
    assert again.content.count(b"course-card") == first.content.count(b"course-card")
    assert {"private", "no-store"} <= {part.strip() for part in again["Cache-Control"].split(",")}


def test_a_published_course_shows_in_the_cached_card(client, student_site):
    client.force_login(student_site["student"])
    client.get(student_site["catalogue"].url)
    page = student_site["courses"][5]
    page.title = "Formation renommée"
    page.save_revision().publish()

    assert "Formation renommée" in client.get(student_site["catalogue"].url).text


def test_a_menu_page_published_shows_in_the_cached_menu(client, student_site):
    from home.models import StandardPage

    client.force_login(student_site["student"])
    client.get(student_site["catalogue"].url)
    home = student_site["catalogue"].get_parent()
    about = StandardPage(title="Qui sommes-nous", slug="qui-sommes-nous", show_in_menus=True)
    home.add_child(instance=about)
    about.save_revision().publish()

    assert "Qui sommes-nous" in client.get(student_site["catalogue"].url).text
