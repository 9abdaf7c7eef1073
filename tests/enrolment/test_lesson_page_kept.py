"""A lesson page keeps what is the same for every reader (its course and lessons, its
row with its route, the rendered head, body and lessons list: course_pages/models/
catalogue.py, core/page_routes.py, pages/lesson_page.html), yet a publish, her progress
or a classmate's show on the very next opening, and nobody is served anyone else's
parts (issue 19). A page row saved without a publish: tests/core/test_page_routes.py."""

import pytest
from django.conf import settings

from ..query_counts import counted_queries
from ..redis_round_trips import round_trips
from .conftest import lesson, signed_in
from .test_practice_work import classmate
from .test_progress_and_quizzes import post_quiz, quiz_ids

pytestmark = pytest.mark.django_db

# A lesson opened again on Redis: the route's generation and the route (with the page),
# the session, the tag versions, the course, her rows, the locales, the offline copy's
# sizes, the language links, the chrome (the other language's too: this lesson has no
# translation, its link goes to that home page), the header's two counts, the kept head,
# offline box, body and lessons list.
LESSON_ROUND_TRIPS = 17


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def lessons_list(page_html):
    return page_html.split('class="lesson-list"')[1].split("</ol>")[0]


def test_a_lesson_opened_again_reads_no_page_and_keeps_to_its_round_trips(
    course_site, enrolled, monkeypatch
):
    client = signed_in(enrolled)
    html(client, course_site["reading"])
    sent = round_trips(monkeypatch)
    with counted_queries() as again:
        assert "Pinceaux et éponges" in html(client, course_site["reading"])
    # Neither the lesson, its course nor its blocks' documents: only who she is.
    assert not [sql for sql in again if "wagtailcore_page" in sql or "course_pages_" in sql]
    if settings.REDIS_URL:
        assert len(sent) <= LESSON_ROUND_TRIPS


def test_a_lesson_edited_and_published_shows_on_the_next_opening(course_site, enrolled):
    client = signed_in(enrolled)
    assert "Pinceaux et éponges" in html(client, course_site["reading"])
    reading = lesson(course_site["reading"])
    reading.title = "Les pinceaux"
    reading.body = [("paragraph", "<p>Pinceaux plats et ronds</p>")]
    reading.save_revision().publish()

    page = html(client, course_site["reading"])
    assert "<h1>Les pinceaux</h1>" in page and "Pinceaux plats et ronds" in page
    assert "Pinceaux et éponges" not in page


def test_the_course_and_a_sibling_renamed_show_in_the_crumbs_and_the_list(course_site, enrolled):
    client = signed_in(enrolled)
    html(client, course_site["reading"])
    course = course_site["course"].specific
    course.title = "Teint lumineux"
    course.save_revision().publish()
    quiz = lesson(course_site["quiz"])
    quiz.title = "Quiz du teint"
    quiz.save_revision().publish()

    page = html(client, course_site["reading"])
    assert ">Teint lumineux</a></nav>" in page
    assert "Quiz du teint" in lessons_list(page)


def test_her_ticks_show_on_the_next_opening_and_to_her_only(course_site, enrolled):
    other = classmate(course_site, "b@example.cm")
    hers, theirs = signed_in(enrolled), signed_in(other)
    assert "✓" not in lessons_list(html(hers, course_site["quiz"]))
    assert "✓" not in lessons_list(html(theirs, course_site["quiz"]))

    hers.post(f"/fr/learn/lesson/{course_site['reading'].pk}/done/")

    assert lessons_list(html(hers, course_site["quiz"])).count("✓") == 1
    assert "✓" not in lessons_list(html(theirs, course_site["quiz"]))


def test_the_list_links_lessons_only_for_the_enrolled(course_site, enrolled):
    reading_url = course_site["reading"].url
    assert f'href="{reading_url}"' in lessons_list(html(signed_in(enrolled), course_site["quiz"]))
    # The instructor opens every lesson without an enrolment: the list as a visitor's.
    teacher = lessons_list(html(signed_in(course_site["teacher"]), course_site["quiz"]))
    assert "Les outils" in teacher and f'href="{reading_url}"' not in teacher


def quiz_section(page_html):
    return page_html.split('class="quiz"')[1].split("</section>")[0]


def test_her_quiz_result_is_drawn_for_her_only(course_site, enrolled):
    other = classmate(course_site, "b@example.cm")
    hers, theirs = signed_in(enrolled), signed_in(other)
    html(theirs, course_site["quiz"])
    ids = quiz_ids(course_site["quiz"])
    right = {"single": [ids["single_right"]], "multiple": ids["multiple_right"]}
    post_quiz(hers, course_site["quiz"], right)

    assert 'class="note ok"' in quiz_section(html(hers, course_site["quiz"]))
    assert 'class="note ok"' not in quiz_section(html(theirs, course_site["quiz"]))


def test_a_preview_shows_the_draft_and_keeps_nothing(course_site, enrolled):
    client = signed_in(enrolled)
    assert "Bonjour" in html(client, course_site["preview"])
    draft = lesson(course_site["preview"])
    draft.body = [("paragraph", "<p>Brouillon pas encore publié</p>")]

    preview = draft.make_preview_request().content.decode()

    assert "Brouillon pas encore publié" in preview
    page = html(client, course_site["preview"])
    assert "Bonjour" in page and "Brouillon" not in page


def test_a_lesson_unpublished_leaves_the_list_at_once(course_site, enrolled):
    client = signed_in(enrolled)
    assert ">Quiz</a>" in lessons_list(html(client, course_site["reading"]))
    lesson(course_site["quiz"]).unpublish()

    assert "Quiz" not in lessons_list(html(client, course_site["reading"]))


def test_a_translation_published_shows_in_the_language_links_at_once(course_site, enrolled):
    client = signed_in(enrolled)
    before = html(client, course_site["reading"])
    for page, slug in ((course_site["course"], "flawless-skin"), (course_site["reading"], "tools")):
        english = page.copy_for_translation(course_site["en"])
        english.slug = slug
        english.save_revision().publish()
    english = course_site["reading"].get_translation(course_site["en"])

    link = f'hreflang="en" href="http://testserver{english.url}"'
    assert link not in before and link in html(client, course_site["reading"])

    english.title = "The tools"
    english.save_revision().publish()
    assert "<h1>The tools</h1>" in html(client, english)
