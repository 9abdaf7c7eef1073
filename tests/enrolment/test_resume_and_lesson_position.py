"""One "resume" rule for the course page and My learning; where a lesson sits in its course."""

import pytest
from django.test import Client

from enrolment import services

from ..course_pages.builders import make_lesson
from .conftest import lesson


@pytest.mark.django_db
def test_course_page_and_my_learning_resume_at_the_same_lesson(client, course_site, enrolled):
    client.force_login(enrolled)
    client.get(course_site["preview"].url)
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))
    resume = f'<a href="{course_site["reading"].url}">Reprendre → Les outils</a>'

    course_html = client.get(course_site["course"].url).content.decode()
    learning_html = client.get("/fr/learn/").content.decode()

    assert "Reprendre → Les outils" in course_html
    assert f'href="{course_site["reading"].url}">Reprendre' in course_html
    assert resume in learning_html
    assert "Bienvenue</a>" not in learning_html


@pytest.mark.django_db
def test_resume_is_the_last_lesson_opened_while_it_is_not_done(client, course_site, enrolled):
    client.force_login(enrolled)
    client.get(course_site["quiz"].url)

    course_html = client.get(course_site["course"].url).content.decode()
    learning_html = client.get("/en/learn/").content.decode()

    assert "Reprendre → Quiz" in course_html
    assert "Resume → Quiz" in learning_html


@pytest.mark.django_db
def test_lesson_page_says_its_position_and_lists_the_course_lessons(client, course_site, enrolled):
    client.force_login(enrolled)
    services.mark_complete(user=enrolled, lesson=lesson(course_site["preview"]))

    html = client.get(course_site["reading"].url).content.decode()

    assert "Leçon 2 sur 4" in html
    listing = html.split('class="course-lessons"')[1]
    assert '<strong aria-current="page">Les outils</strong>' in listing
    assert f'<a href="{course_site["quiz"].url}">Quiz</a>' in listing
    assert (
        f'<a href="{course_site["preview"].url}">Bienvenue</a> <span aria-label="terminée">✓'
        in listing
    )


@pytest.mark.django_db
def test_visitor_sees_the_lesson_list_without_links_to_locked_lessons(client, course_site):
    html = client.get(course_site["preview"].url).content.decode()

    assert "Leçon 1 sur 4" in html
    listing = html.split('class="course-lessons"')[1]
    assert "Les outils" in listing and f'href="{course_site["reading"].url}"' not in listing


@pytest.mark.django_db
def test_lesson_page_query_count_does_not_grow_with_lessons(
    course_site, enrolled, django_assert_max_num_queries
):
    client = Client()
    client.force_login(enrolled)
    url = course_site["reading"].url
    client.get(url)
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for number in range(8):
        make_lesson(course_site["course"], title=f"Leçon {number}", slug=f"lecon-{number}")
    counted = len(few.captured_queries)
    # A page changed: the site chrome (home/site_chrome.py) is read again once, then kept.
    client.get(url)
    with django_assert_max_num_queries(counted):
        html = client.get(url).content.decode()
    assert "Leçon 2 sur 12" in html


@pytest.mark.django_db
def test_a_lesson_opened_again_writes_nothing(course_site, enrolled):
    from ..query_counts import counted_queries

    client = Client()
    client.force_login(enrolled)
    client.get(course_site["reading"].url)
    with counted_queries() as again:
        client.get(course_site["reading"].url)
    enrolment_reads = [sql for sql in again if 'FROM "enrolment_enrolment"' in sql]
    assert len(enrolment_reads) <= 1
    assert not [sql for sql in again if sql.startswith("UPDATE")]

    # Another lesson opened moves "Resume" there at once.
    client.get(course_site["quiz"].url)
    assert "Reprendre → Quiz" in client.get(course_site["course"].url).content.decode()
    client.get(course_site["reading"].url)
    assert "Reprendre → Les outils" in client.get(course_site["course"].url).content.decode()
