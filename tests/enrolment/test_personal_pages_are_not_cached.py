"""Pages with a person's own data tell every cache not to keep them."""

import pytest

from ..conftest import make_person

PRIVATE = {"private", "no-store"}


def cache_directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.django_db
def test_my_account_is_not_kept_by_any_cache(client):
    client.force_login(make_person("linda@example.cm"))

    response = client.get("/fr/account/")

    assert response.status_code == 200
    assert cache_directives(response) >= PRIVATE


def test_my_learning_is_not_kept_by_any_cache(client, course_site, enrolled):
    client.force_login(enrolled)

    response = client.get("/en/learn/")

    assert response.status_code == 200
    assert cache_directives(response) >= PRIVATE


def test_a_paid_lessons_body_is_not_kept_by_any_cache(client, course_site):
    client.force_login(course_site["other_teacher"])

    response = client.get(course_site["paid_lesson"].url)

    assert response.status_code == 200
    assert cache_directives(response) >= PRIVATE


def test_an_enrolled_students_lesson_is_not_kept_by_any_cache(client, course_site, enrolled):
    client.force_login(enrolled)

    response = client.get(course_site["reading"].url)

    assert response.status_code == 200
    assert cache_directives(response) >= PRIVATE


def test_a_public_course_page_stays_cacheable_for_visitors(client, course_site):
    response = client.get(course_site["course"].url)

    assert response.status_code == 200
    assert "no-store" not in cache_directives(response)
