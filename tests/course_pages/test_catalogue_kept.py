"""The catalogue keeps its unfiltered listing and its rendered cards (course_pages/
catalogue_listing.py): a render reads no course again, and whatever changes what it
shows — a publish, a price, a rating, a translation, a view restriction, an
instructor's name — shows on the very next view, the page cache off as on a miss."""

import pytest
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from core.page_invalidation import content_changed
from course_pages.templatetags.course_tags import price
from enrolment.models import CourseRating

from .builders import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(site, awa):
    _user, instructor_page = awa
    return [
        make_course(site["catalogue"], instructor_page, title=title, slug=slug, price_xaf=price)
        for title, slug, price in [
            ("Teint zéro défaut", "teint", 5000),
            ("Tresses collées", "tresses", 0),
        ]
    ]


def render(url):
    with override_settings(PAGE_CACHE_ENABLED=False):
        response = Client().get(url)
    assert response.status_code == 200
    return response.text


def publish(page, commits):
    with commits(execute=True):
        page.save_revision().publish()


def test_a_second_render_reads_only_the_catalogue_page(
    site, courses, django_assert_max_num_queries
):
    url = site["catalogue"].url
    first = render(url)
    with django_assert_max_num_queries(1):
        second = render(url)
    assert second == first
    assert "Teint zéro défaut" in second and "Tresses collées" in second


def test_a_new_course_and_a_new_price_show_at_once(
    site, courses, awa, django_capture_on_commit_callbacks
):
    url = site["catalogue"].url
    render(url)
    make_course(site["catalogue"], awa[1], title="Ongles en gel", slug="ongles")
    assert "Ongles en gel" in render(url)

    teint = courses[0]
    teint.price_xaf = 7500
    publish(teint, django_capture_on_commit_callbacks)
    html = render(url)
    assert price(7500) in html and price(5000) not in html


def test_an_unpublished_course_leaves_at_once(site, courses, django_capture_on_commit_callbacks):
    url = site["catalogue"].url
    assert "Tresses collées" in render(url)
    with django_capture_on_commit_callbacks(execute=True):
        courses[1].unpublish()
    assert "Tresses collées" not in render(url)


def test_a_new_rating_shows_at_once(site, courses, django_capture_on_commit_callbacks):
    url = site["catalogue"].url
    assert "4,5" not in render(url)
    # What enrolment.reviews does on every review change.
    with django_capture_on_commit_callbacks(execute=True):
        CourseRating.objects.create(course=courses[0], average="4.50", count=2)
        content_changed(courses[0])
    assert "4,5" in render(url)


def test_a_renamed_instructor_shows_at_once(site, courses, awa, django_capture_on_commit_callbacks):
    url = site["catalogue"].url
    assert "Awa Njoya" in render(url)
    instructor_page = awa[1]
    instructor_page.title = "Awa Njoya Beauté"
    publish(instructor_page, django_capture_on_commit_callbacks)
    assert "Awa Njoya Beauté" in render(url)


def test_a_translated_course_shows_at_once_in_the_english_catalogue(
    site, courses, django_capture_on_commit_callbacks
):
    from demo.pages import translate_page

    url = site["catalogue_en"].url
    assert "Seamless braids" not in render(url)
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(courses[1], site["en"], title="Seamless braids", slug="seamless-braids")
    assert "Seamless braids" in render(url)


def test_a_view_restriction_hides_a_course_at_once_and_lifting_it_shows_it(
    site, courses, django_capture_on_commit_callbacks
):
    url = site["catalogue"].url
    assert "Tresses collées" in render(url)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=courses[1], restriction_type=PageViewRestriction.LOGIN
        )
    assert "Tresses collées" not in render(url)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Tresses collées" in render(url)


def test_another_page_number_and_filters_read_as_before(site, courses):
    url = site["catalogue"].url
    render(url)
    assert "Tresses collées" in render(url + "?page=1")
    html = render(url + "?price=free")
    assert "Tresses collées" in html and "Teint zéro défaut" not in html
    # Out of range: the first page, as always.
    assert "Teint zéro défaut" in render(url + "?page=9")


def test_kept_listing_reads_its_courses_when_the_cards_are_not_kept(site, courses):
    url = site["catalogue"].url
    render(url)
    # The listing is kept, the data saver's cards are not yet: read by their ids.
    with override_settings(PAGE_CACHE_ENABLED=False):
        html = Client().get(url, HTTP_SAVE_DATA="on").text
    assert html.index("Teint zéro défaut") < html.index("Tresses collées")
