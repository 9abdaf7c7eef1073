"""The page cache (issue 19): anonymous public pages served whole without the
database, each change showing on the next anonymous request, bounded whatever the
query strings, and nothing personal ever shared."""

import datetime
import gzip

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from booking import services as booking
from booking.models import Schedule, WeeklyHours
from core import cache_tags
from core.page_cache_index import index
from directory.models import Review, Service
from directory.services import refresh_rating

from ..booking.conftest import add_service
from ..conftest import make_person
from ..counting import drain_counts
from ..course_pages.builders import make_lesson
from ..directory.builders import make_professional
from ..home.builders import course
from ..redis_round_trips import round_trips

pytestmark = pytest.mark.django_db


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def served_from_cache(client, url):
    return client.get(url)["X-Page-Cache"] == "hit"


def test_a_repeat_anonymous_view_is_served_without_the_database(
    client, site, django_assert_num_queries
):
    for url in ("/fr/", site["catalogue"].url, site["course"].url, site["index"].url):
        first = fetch(client, url)
        assert first["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            again = fetch(client, url)
        assert again["X-Page-Cache"] == "hit"
        assert again.content == first.content
        assert again["Content-Type"].startswith("text/html")


def test_public_pages_tell_shared_caches_to_keep_them_and_browsers_to_revalidate(client, site):
    response = fetch(client, site["catalogue"].url)

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=60"}
    assert response["ETag"].startswith('"')
    assert "csrftoken" not in response.cookies


def test_a_repeat_view_with_its_etag_answers_304_with_no_body(
    client, site, django_assert_num_queries
):
    etag = fetch(client, site["course"].url)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(site["course"].url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    # Slimmed: no security headers meant for a document (core/not_modified.py).
    assert "Content-Security-Policy" not in response


def test_the_gzipped_page_has_a_weak_etag_that_still_revalidates(client, site):
    zipped = fetch(client, site["catalogue"].url, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert zipped["ETag"].startswith('W/"')
    assert "Accept-Encoding" in zipped["Vary"]

    again = client.get(
        site["catalogue"].url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"]
    )

    assert again.status_code == 304


def test_a_page_kept_gzipped_is_the_rendered_page_for_every_client(client, site):
    url = site["catalogue"].url
    rendered = fetch(client, url)
    assert rendered["X-Page-Cache"] == "miss"

    zipped = fetch(client, url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = fetch(client, url, HTTP_ACCEPT_ENCODING="identity")

    assert zipped["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == rendered.content
    assert zipped["Content-Length"] == str(len(zipped.content))
    assert zipped["ETag"] == f"W/{rendered['ETag']}"
    assert {"Cookie", "Accept-Encoding"} <= {part.strip() for part in zipped["Vary"].split(",")}
    assert "Content-Encoding" not in plain
    assert plain.content == rendered.content
    assert plain["ETag"] == rendered["ETag"]
    assert "Accept-Encoding" in plain["Vary"]
    # The gzipped copy is for the wire: the headers a rendered page gets are all there.
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert zipped[header] == rendered[header]


def test_a_hit_reads_its_page_and_its_tags_versions_together(client, site, monkeypatch):
    url = site["catalogue"].url
    fetch(client, url)
    sent = round_trips(monkeypatch)
    again = fetch(client, url)
    cache_tags.invalidate(cache_tags.page_tag(site["catalogue"]))
    after_a_change = fetch(client, url)

    assert again["X-Page-Cache"] == "hit"
    assert after_a_change["X-Page-Cache"] == "miss"
    if settings.REDIS_URL:
        # The page and the versions of the tags it was stored with: one round trip.
        sent.clear()
        assert fetch(client, url)["X-Page-Cache"] == "hit"
        assert len(sent) == 1


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, site):
    full = fetch(client, site["catalogue"].url)

    head = client.head(site["catalogue"].url)

    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(full.content))


# --- Each change shows on the next anonymous request.


def test_a_published_change_shows_at_once(client, site):
    fetch(client, site["catalogue"].url)
    fetch(client, site["course"].url)
    page = site["course"]
    page.title = "Tresses africaines, édition 2027"
    page.save_revision().publish()

    assert "édition 2027" in fetch(client, site["catalogue"].url).text
    assert "édition 2027" in fetch(client, site["course"].url).text
    assert "édition 2027" in fetch(client, "/fr/").text


def test_a_new_course_appears_on_the_catalogue_and_its_instructors_page(client, site):
    fetch(client, site["catalogue"].url)
    fetch(client, site["instructor_page"].url)

    course(site, "Ongles en gel", "ongles-en-gel")

    assert "Ongles en gel" in fetch(client, site["catalogue"].url).text
    assert "Ongles en gel" in fetch(client, site["instructor_page"].url).text


def test_an_unpublished_course_leaves_the_catalogue(client, site):
    assert "Tresses africaines" in fetch(client, site["catalogue"].url).text

    site["course"].unpublish()

    assert "Tresses africaines" not in fetch(client, site["catalogue"].url).text
    assert client.get(site["course"].url).status_code == 404


def test_a_deleted_course_leaves_the_catalogue(client, site):
    assert "Tresses africaines" in fetch(client, site["catalogue"].url).text

    site["course"].delete()

    assert "Tresses africaines" not in fetch(client, site["catalogue"].url).text


def test_a_moved_page_leaves_the_menu_of_every_page(client, site):
    from home.models import StandardPage

    home = site["catalogue"].get_parent()
    about = StandardPage(title="Notre histoire", slug="notre-histoire", show_in_menus=True)
    home.add_child(instance=about)
    about.save_revision().publish()
    holder = StandardPage(title="Archives", slug="archives", show_in_menus=False)
    home.add_child(instance=holder)
    holder.save_revision().publish()
    assert "Notre histoire" in fetch(client, site["catalogue"].url).text

    about.move(holder, pos="last-child")

    assert "Notre histoire" not in fetch(client, site["catalogue"].url).text


def test_a_price_change_shows_on_the_course_page(client, site):
    assert "15" in fetch(client, site["course"].url).text
    page = site["course"]
    page.price_xaf = 27500
    page.save_revision().publish()

    assert "27" in fetch(client, site["course"].url).text.replace("\u202f", "").replace(" ", "")
    assert fetch(client, site["course"].url)["X-Page-Cache"] == "hit"


def test_a_service_price_change_shows_on_the_profile(client, site):
    professional = make_professional(site["index"], "Studio Prix")
    service = add_service(professional, name="Nattes", price=8000)
    fetch(client, professional.url)

    service.price_xaf = 9500
    service.save()

    text = fetch(client, professional.url).text.replace("\u202f", "").replace("\xa0", "")
    assert "9500" in text.replace(" ", "")


def test_a_new_rating_shows_on_the_profile_and_in_the_search(client, site):
    professional = make_professional(site["index"], "Studio Note")
    fetch(client, professional.url)
    fetch(client, site["index"].url)
    author = make_person("cliente.note@example.cm", first_name="Nadia", is_client=True)
    Review.objects.create(professional=professional, author=author, rating=4, text="Très bien")

    refresh_rating(professional=professional)

    assert "Très bien" in fetch(client, professional.url).text
    assert fetch(client, site["index"].url)["X-Page-Cache"] == "miss"


def test_a_translation_shows_on_the_page_in_both_languages(client, site):
    from demo.pages import translate_page

    fetch(client, site["course"].url)
    english_catalogue = site["catalogue"].get_translation(site["en"])
    assert "African braids" not in fetch(client, english_catalogue.url).text

    english = translate_page(
        site["course"], site["en"], title="African braids", slug="african-braids"
    )

    assert english.url in fetch(client, site["course"].url).text  # the language switcher
    assert "African braids" in fetch(client, english_catalogue.url).text


def test_a_booked_slot_leaves_the_search_by_day(client, site):
    professional = make_professional(site["index"], "Studio Rendez-vous")
    schedule = Schedule.objects.create(professional=professional)
    WeeklyHours.objects.bulk_create(
        WeeklyHours(
            schedule=schedule, weekday=day, start_time=datetime.time(9), end_time=datetime.time(10)
        )
        for day in range(7)
    )
    service = add_service(professional, minutes=60)
    day = timezone.localdate() + datetime.timedelta(days=3)
    url = f"{site['index'].url}?available_on={day.isoformat()}"
    assert "Studio Rendez-vous" in fetch(client, url).text
    assert served_from_cache(client, url)
    client_person = make_person("rdv@example.cm", is_client=True)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    booking.hold_slot(client=client_person, service_id=service.pk, starts_at=start)

    assert "Studio Rendez-vous" not in fetch(client, url).text


# --- Bad input: the cache stays bounded and clean.


def test_unknown_parameters_are_dropped_and_make_no_entries(client, site):
    fetch(client, site["catalogue"].url)
    before = index().size()

    for number in range(20):
        response = fetch(
            client, f"{site['catalogue'].url}?utm_source=campagne{number}&fbclid={number}"
        )
        assert response["X-Page-Cache"] == "hit"
        assert f"campagne{number}" not in response.text

    assert index().size() == before


def test_a_page_number_past_the_last_is_not_stored(client, site):
    before = index().size()

    for number in (2, 1000, 10**12, "abc"):
        response = fetch(client, f"{site['catalogue'].url}?page={number}")
        assert response["X-Page-Cache"] == "pass"

    assert index().size() == before


def test_parameters_a_page_does_not_read_are_not_stored(client, site):
    before = index().size()

    response = fetch(client, f"{site['course'].url}?q=anything&page=3")

    assert response["X-Page-Cache"] == "pass"
    assert index().size() == before


def test_an_endless_search_is_served_but_not_stored(client, site):
    response = fetch(client, f"{site['catalogue'].url}?q={'tresse' * 100}")

    assert response["X-Page-Cache"] == "pass"


@override_settings(PAGE_CACHE_MAX_ENTRIES=3)
def test_the_cache_keeps_at_most_its_bound_oldest_out(client, site):
    for number in range(8):
        fetch(client, f"{site['catalogue'].url}?q=recherche{number}")

    assert index().size() <= 3
    assert served_from_cache(client, f"{site['catalogue'].url}?q=recherche7")
    assert not served_from_cache(client, f"{site['catalogue'].url}?q=recherche0")


def test_personal_data_never_reaches_the_shared_cache(client, site):
    from enrolment import services as learning

    free = course(site, "Bases du maquillage", "bases-du-maquillage", price_xaf=0)
    make_lesson(free, title="Préparer la peau")
    student = make_person("zenabou@example.cm", first_name="Zénabou", last_name="Fotso")
    learning.enrol(user=student, course=free)
    client.force_login(student)
    for url in ("/fr/", site["catalogue"].url, free.url, site["index"].url):
        signed_in = fetch(client, url)
        assert signed_in.get("X-Page-Cache") not in ("hit", "miss")
        directives = {part.strip() for part in signed_in["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives
    assert "<progress" in fetch(client, free.url).text  # her progress, on her page only

    client.logout()
    client.cookies.clear()
    for url in ("/fr/", site["catalogue"].url, free.url, site["index"].url):
        text = fetch(client, url).text
        assert "Zénabou" not in text and "zenabou@" not in text
        assert 'href="/fr/learn/"' not in text  # the "My learning" link
    anonymous = fetch(client, free.url)
    assert "<progress" not in anonymous.text
    assert anonymous["X-Page-Cache"] == "hit"


def test_a_visitor_with_a_session_gets_a_fresh_private_page(client, site):
    fetch(client, site["catalogue"].url)
    client.cookies["sessionid"] = "a-session"

    response = fetch(client, site["catalogue"].url)

    assert response.get("X-Page-Cache") != "hit"
    assert "private" in response["Cache-Control"]


def test_the_data_saver_choice_gets_its_own_copy(client, site):
    normal = fetch(client, site["catalogue"].url)
    client.cookies["data_saver"] = "on"

    saver = fetch(client, site["catalogue"].url)

    assert saver["X-Page-Cache"] == "miss"
    assert saver.content != normal.content


def test_purge_callbacks_hear_of_a_publish_after_commit(site, django_capture_on_commit_callbacks):
    heard = []
    callback = cache_tags.on_invalidate(lambda tags, paths: heard.append((tags, paths)))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            site["course"].save_revision().publish()
    finally:
        cache_tags._callbacks.remove(callback)

    tags, paths = heard[0]
    assert f"page:{site['course'].pk}" in tags and f"page:{site['catalogue'].pk}" in tags
    assert site["course"].url in paths


def test_a_service_deleted_is_gone_from_the_profile(client, site):
    professional = make_professional(site["index"], "Studio Fermé")
    service = add_service(professional, name="Chignon")
    assert "Chignon" in fetch(client, professional.url).text

    Service.objects.filter(pk=service.pk).first().delete()

    assert "Chignon" not in fetch(client, professional.url).text


def test_a_search_served_from_the_cache_still_counts_and_is_rate_limited(client, site):
    from directory.models import WeeklyStats

    professional = make_professional(site["index"], "Studio Compté")
    url = f"{site['index'].url}?q=compte"

    with override_settings(RATELIMIT_SEARCH="3/m"):
        answers = [client.get(url) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answer.get("X-Page-Cache") for answer in answers[:3]] == ["miss", "hit", "hit"]
    assert "Studio Compté" in answers[2].text
    drain_counts()
    assert WeeklyStats.objects.get(professional=professional).search_appearances == 3
