"""The list the service worker checks saved lessons against on each reconnection: what
she may keep now, under a name private to this login; nothing once logged out, refunded
or revoked."""

import pytest

from enrolment import services

from ..conftest import make_person

LIST = "/fr/learn/offline/lessons/"


def listed_ids(response):
    return {lesson["id"] for lesson in response.json()["lessons"]}


def course_lessons(course_site):
    return {course_site[name].pk for name in ("preview", "reading", "quiz", "work")}


@pytest.mark.django_db
def test_an_enrolled_student_may_keep_every_lesson_of_her_course(client, course_site, enrolled):
    client.force_login(enrolled)

    response = client.get(LIST)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert listed_ids(response) == course_lessons(course_site)
    urls = {lesson["url"] for lesson in response.json()["lessons"]}
    assert course_site["reading"].url in urls
    body = response.json()
    assert len(body["session"]) == 20 and len(body["version"]) == 12


@pytest.mark.django_db
def test_the_cache_name_is_new_at_every_login(client, course_site, enrolled):
    client.force_login(enrolled)
    first = client.get(LIST).json()
    client.logout()
    client.force_login(enrolled)

    second = client.get(LIST).json()

    assert first["session"] != second["session"]
    assert first["lessons"] == second["lessons"]


@pytest.mark.django_db
def test_a_visitor_gets_an_empty_list_so_saved_copies_go(client, course_site):
    response = client.get(LIST)

    assert response.status_code == 401
    assert response.json()["lessons"] == [] and response.json()["session"] == ""


@pytest.mark.django_db
def test_a_refund_takes_the_course_off_the_list(client, course_site, enrolled):
    client.force_login(enrolled)
    before = client.get(LIST).json()

    services.revoke(user=enrolled, course=course_site["course"])
    after = client.get(LIST).json()

    assert after["lessons"] == []
    assert after["version"] != before["version"]


@pytest.mark.django_db
def test_instructors_moderators_and_other_students_keep_nothing(client, course_site, moderator):
    stranger = make_person("awa@example.cm", is_student=True)
    for person in (course_site["teacher"], moderator, stranger):
        client.force_login(person)

        assert client.get(LIST).json()["lessons"] == []


@pytest.mark.django_db
def test_the_list_is_only_read(client, course_site, enrolled):
    client.force_login(enrolled)

    assert client.post(LIST).status_code == 405
