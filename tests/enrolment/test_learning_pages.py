import pytest
from django.test import Client, override_settings

from enrolment import services

from ..conftest import make_person
from ..course_pages.builders import make_course, make_lesson
from .conftest import lesson


@pytest.mark.django_db
def test_my_learning_shows_courses_progress_and_reviews_to_give(client, course_site, enrolled):
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    client.force_login(enrolled)

    html = client.get("/fr/learn/").content.decode()

    assert "Teint parfait" in html
    assert 'value="25"' in html


@pytest.mark.django_db
def test_my_learning_requires_login(client, course_site):
    response = client.get("/fr/learn/")

    assert response.status_code == 302 and "/fr/accounts/login/" in response.url


@pytest.mark.django_db
def test_my_learning_query_count_does_not_grow_with_enrolments(
    course_site, enrolled, django_assert_max_num_queries
):
    client = Client()
    client.force_login(enrolled)
    client.get("/fr/learn/")
    with django_assert_max_num_queries(40) as few:
        client.get("/fr/learn/")
    for number in range(6):
        course = make_course(
            course_site["catalogue"],
            course_site["instructor_page"]
            if "instructor_page" in course_site
            else course_site["course"].instructor,
            title=f"Cours {number}",
            slug=f"cours-{number}",
        )
        make_lesson(course, title="Leçon", slug="lecon")
        services.enrol(user=enrolled, course=course)
    counted = len(few.captured_queries)
    # A page changed: the site chrome (home/site_chrome.py) is read again once, then kept.
    client.get("/fr/learn/")
    with django_assert_max_num_queries(counted):
        client.get("/fr/learn/")


@pytest.mark.django_db
def test_instructor_sees_students_and_progress(client, course_site, enrolled):
    services.mark_complete(user=enrolled, lesson=lesson(course_site["reading"]))
    client.force_login(course_site["teacher"])

    dashboard = client.get("/fr/teach/").content.decode()
    students = client.get(f"/fr/teach/course/{course_site['course'].pk}/").content.decode()

    assert "Teint parfait" in dashboard
    assert "Test Person" in students and "1/4" in students


@pytest.mark.django_db
def test_other_instructor_cannot_see_the_students(client, course_site, enrolled):
    client.force_login(course_site["other_teacher"])

    response = client.get(f"/fr/teach/course/{course_site['course'].pk}/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_student_without_courses_gets_no_teaching_dashboard(client, course_site):
    client.force_login(make_person("someone@example.cm"))

    assert client.get("/fr/teach/").status_code == 404


@pytest.mark.django_db
def test_lesson_page_offers_the_done_button_only_to_enrolled(client, course_site, enrolled):
    client.force_login(enrolled)

    html = client.get(course_site["reading"].url).content.decode()

    assert f"/fr/learn/lesson/{course_site['reading'].pk}/done/" in html


@pytest.mark.django_db
def test_a_lesson_published_or_unpublished_after_a_view_counts_at_once(course_site, enrolled):
    """My learning keeps each course's lessons (shared by its students) until a lesson
    below it changes: her progress bar follows at once."""
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    client = Client()
    client.force_login(enrolled)
    assert 'value="25"' in client.get("/fr/learn/").content.decode()

    added = make_lesson(course_site["course"], title="Finitions", slug="finitions")

    assert 'value="20"' in client.get("/fr/learn/").content.decode()
    added.unpublish()
    assert 'value="25"' in client.get("/fr/learn/").content.decode()


@pytest.mark.django_db
@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_lesson_published_or_unpublished_after_a_view_shows_on_the_course_page_at_once(
    client, course_site
):
    """The course page keeps its lesson list under its page tag, as a page-cache miss
    would read it: a lesson below it published or unpublished shows on the next view."""
    url = course_site["course"].url
    assert "Finitions" not in client.get(url).content.decode()

    added = make_lesson(course_site["course"], title="Finitions", slug="finitions")

    assert "Finitions" in client.get(url).content.decode()
    added.unpublish()
    assert "Finitions" not in client.get(url).content.decode()
