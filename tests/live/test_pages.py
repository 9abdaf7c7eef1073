"""The live-session pages in French and English, role by role: the list and its
filters, a session page (title in the reader's language, Douala time, places left,
the buttons each person gets), my sessions and scheduling; queries constant as
registrations grow from 1 to 20, and the same on a first view as on the next; the
session page's first view (every byte) at most 60 KB."""

import re
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.site_chrome import chrome_for
from live import registration
from live.models import LiveSession, Registration
from messaging import header_count as message_count
from notifications import bell

from ..bench.bench_data_saver import SAVER_BUDGET, first_view
from .conftest import enrolled_student, make_session, shows, soon

PAGE_LIMIT = SAVER_BUDGET  # issue 17: the session page's first view is at most 60 KB
DOUALA = ZoneInfo("Africa/Douala")


def _as(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_list_shows_classes_and_qas_and_practice_sessions_only_to_the_group(people):
    make_session(people, "class", title_fr="Nattes collées", title_en="Cornrows")
    make_session(people, "expert_qa", title_fr="Questions à Mireille", title_en="Ask Mireille")
    make_session(
        people, "practice", title_fr="Entraînement du samedi", title_en="Saturday practice"
    )

    anonymous = _as().get("/fr/live/")
    assert anonymous.status_code == 200
    assert shows(anonymous, "Nattes collées") and shows(anonymous, "Questions à Mireille")
    assert not shows(anonymous, "Entraînement du samedi")
    assert shows(anonymous, "20 places restantes")
    english = _as(people["classmate"]).get("/en/live/")
    assert shows(english, "Cornrows") and shows(english, "Saturday practice")
    assert shows(english, "Tresses")  # the course, by its title

    only_qas = _as().get("/fr/live/?kind=expert_qa")
    assert shows(only_qas, "Questions à Mireille") and not shows(only_qas, "Nattes collées")
    by_course = _as().get(f"/fr/live/?course={people['course'].pk}")
    assert shows(by_course, "Nattes collées") and not shows(by_course, "Questions à Mireille")
    # A filter value that means nothing shows everything rather than failing.
    assert _as().get("/fr/live/?kind=nope&course=abc").status_code == 200


def test_a_practice_session_page_is_not_found_outside_the_group(people):
    session = make_session(people, "practice")
    assert _as(people["stranger"]).get(f"/fr/live/{session.pk}/").status_code == 404
    assert _as(people["classmate"]).get(f"/fr/live/{session.pk}/").status_code == 200
    assert _as(people["moderator"]).get(f"/fr/live/{session.pk}/").status_code == 200


def test_the_session_page_for_each_person(people):
    session = make_session(people, "class", starts_at=soon(days=2), capacity=3)
    url = f"/fr/live/{session.pk}/"

    anonymous = _as().get(url)
    assert shows(anonymous, "Tresses en direct") and shows(
        anonymous, "Connectez-vous pour vous inscrire"
    )
    assert shows(anonymous, "heure de Douala") and shows(anonymous, "3 places restantes")
    assert (
        shows(anonymous, "Économie de données")
        and shows(anonymous, "0.3 Mo par minute")
        or shows(anonymous, "0,3 Mo par minute")
    )
    assert shows(_as(people["stranger"]).get(url), "Inscrivez-vous d'abord à la formation.")

    student = _as(people["founder"])
    registered = student.post(f"{url}register/", follow=True)
    assert shows(registered, "Vous êtes inscrite. Nous vous avons envoyé le fichier d'agenda.")
    assert shows(registered, "Annuler ma place") and shows(registered, "2 places restantes")

    english = _as(people["founder"]).get(f"/en/live/{session.pk}/")
    assert shows(english, "Live braids") and shows(english, "Cancel my place")

    host = _as(people["teacher"]).get(url)
    assert shows(host, "Annuler la séance pour tout le monde") and shows(host, "Nadia M.")
    assert not shows(student.get(url), "Annuler la séance pour tout le monde")

    cancelled = student.post(f"{url}cancel/", follow=True)
    assert shows(cancelled, "Votre inscription est annulée.")


def test_refusals_on_the_pages_are_clear_and_change_nothing(people):
    session = make_session(people, "class")
    stranger = _as(people["stranger"])
    refused = stranger.post(f"/fr/live/{session.pk}/register/")
    assert refused.status_code == 400
    assert shows(refused, "Ce cours est réservé aux élèves de la formation.")
    assert not Registration.objects.exists()
    assert stranger.post(f"/fr/live/{session.pk}/cancel-session/").status_code == 400
    assert LiveSession.objects.get().status == "scheduled"
    assert _as().post(f"/fr/live/{session.pk}/register/").status_code == 302  # to log in
    assert stranger.get(f"/fr/live/{session.pk}/register/").status_code == 405


def test_scheduling_from_the_form_and_its_refusals(people):
    teacher = _as(people["teacher"])
    form = teacher.get("/fr/live/new/")
    assert form.status_code == 200 and shows(form, "Programmer une séance en direct")
    data = {
        "kind": "class",
        "course": people["course"].pk,
        "title_fr": "Tresses au fil",
        "title_en": "Thread braids",
        "description": "",
        "day": soon(days=5).date().isoformat(),
        "time": "15:00",
        "duration_minutes": 60,
        "capacity": 25,
    }
    too_many = teacher.post("/fr/live/new/", data)
    assert too_many.status_code == 400 and shows(too_many, "Une séance a entre 1 et 20 places.")
    assert not LiveSession.objects.exists()
    data["capacity"] = 12
    done = teacher.post("/fr/live/new/", data, follow=True)
    assert shows(done, "La séance est programmée.") and shows(done, "Tresses au fil")
    session = LiveSession.objects.get()
    assert session.starts_at.astimezone(DOUALA).strftime("%H:%M") == "15:00"

    # The group's owner may schedule practice sessions; a plain student nothing.
    assert _as(people["founder"]).get("/fr/live/new/").status_code == 200
    student = _as(people["stranger"])
    refused = student.get("/fr/live/new/")
    assert refused.status_code == 403
    assert shows(refused, "Les séances en direct sont programmées par")
    mine = student.get("/fr/live/mine/")
    assert mine.status_code == 200 and not shows(mine, "Programmer une séance")


def test_my_sessions_lists_what_i_registered_for_and_what_i_host(people):
    session = make_session(people, "expert_qa", title_fr="Questions à Mireille")
    registration.register(user=people["stranger"], session=session)
    mine = _as(people["stranger"]).get("/fr/live/mine/")
    assert shows(mine, "Questions à Mireille") and shows(mine, "Vous êtes inscrite")
    hosted = _as(people["moderator"]).get("/en/live/mine/")
    assert shows(hosted, "I host") and shows(hosted, "Live braids")
    assert _as().get("/fr/live/mine/").status_code == 302


def _fill(session, site, count, start):
    for n in range(start, start + count):
        registration.register(
            user=enrolled_student(site, f"place{n}@example.cm", first_name=f"Élève{n}"),
            session=session,
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def _shape(sql):
    """A statement without its literals (the session query carries the time)."""
    return re.sub(r"'[^']*'", "?", sql)


def _paid_place(session, person):
    from checkout.models import Order

    order = Order.objects.create(
        user=person,
        item_type="live_session",
        item_id=str(session.pk),
        description=session.title_fr,
        list_price_xaf=session.price_xaf,
        amount_xaf=session.price_xaf,
        status=Order.Status.PAID,
    )
    return Registration.objects.create(
        session=session,
        user=person,
        status="registered",
        order=order,
        queued_at=soon(),
        registered_at=soon(),
    )


def _fill_paid(session, site, count, start):
    for n in range(start, start + count):
        _paid_place(session, enrolled_student(site, f"paid{n}@example.cm", first_name=f"P{n}"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_queries_stay_constant_as_registrations_grow_from_one_to_twenty(people, language):
    free = make_session(people, "class", capacity=20)
    paid = make_session(people, "class", capacity=20, price_xaf=2000, starts_at=soon(days=4))
    host, student, moderator = (_as(people[who]) for who in ("teacher", "founder", "moderator"))
    pages = [
        (client, f"/{language}/live/{session.pk}/")
        for session in (free, paid)
        for client in (host, student, moderator, _as(), _as(people["stranger"]))
    ] + [(student, f"/{language}/live/"), (student, f"/{language}/live/mine/")]

    def first_and_again():
        # Wagtail's site root paths and our site chrome are kept in the shared cache
        # for everybody: on a running site every view finds them. Each test starts
        # with an empty cache, so fill it here;
        # test_a_first_view_pays_only_for_what_is_kept_for_everybody shows that this is
        # the only difference between a first view and the next.
        Site.get_site_root_paths()
        _warm_site_chrome(language)
        for who in ("teacher", "founder", "moderator", "stranger"):
            _warm_header_counts(people[who])
        return [(len(_queries(c, url)), len(_queries(c, url))) for c, url in pages]

    registration.register(user=people["founder"], session=free)
    _paid_place(paid, people["founder"])
    one = first_and_again()
    _fill(free, people, 19, 0)
    _fill_paid(paid, people, 19, 0)
    twenty = first_and_again()

    for session in (free, paid):
        assert Registration.objects.filter(session=session, status="registered").count() == 20
    assert all(first == again for first, again in one + twenty), one + twenty
    assert twenty == one


def _warm_site_chrome(language):
    """The menu, footer and contact details are read once per site and language and kept
    for everybody (home.site_chrome) until a page or those settings change."""
    chrome_for(RequestFactory().get(f"/{language}/"), language)


def _warm_header_counts(person):
    """The header's two counts (unread messages, the bell) are kept per person for a
    minute (messaging.header_count, notifications.bell): every page she opens reads them."""
    message_count.unread_total(person)
    bell.header_count(person)


def test_a_first_view_pays_only_for_what_is_kept_for_everybody(people):
    """Once the site chrome (menu, footer, contact: read once per site and language,
    and it reads Wagtail's site root paths) and the person's header counts are kept, a
    first view of a session page costs what every later view costs, whoever asks."""
    session = make_session(people, "class", capacity=20, price_xaf=2000)
    _paid_place(session, people["founder"])
    url = f"/fr/live/{session.pk}/"
    for person in (None, people["teacher"], people["founder"]):
        client = _as(person)
        cache.clear()  # a new process without Redis, or the hourly expiry
        _warm_site_chrome("fr")
        if person is not None:
            _warm_header_counts(person)
        cold = _queries(client, url)
        warm = _queries(client, url)
        extra = list((Counter(map(_shape, cold)) - Counter(map(_shape, warm))).elements())
        assert extra == [], extra


@pytest.mark.parametrize("data_saver", [True, False], ids=["data saver", "normal"])
def test_the_session_page_first_view_is_at_most_60_kb(people, data_saver):
    """Every byte a phone fetches for the first screen: HTML, CSS, JS and images."""
    session = make_session(
        people, "class", price_xaf=2000, description="On travaille les tresses au fil. " * 60
    )
    _paid_place(session, people["founder"])
    _fill_paid(session, people, 19, 0)
    for who in (None, "teacher", "founder", "stranger"):
        client = _as(people[who] if who else None)
        weight = first_view(client, f"/fr/live/{session.pk}/", data_saver=data_saver)
        print(f"live session page, {who or 'anonymous'}: {weight}")
        assert weight["total"] <= PAGE_LIMIT, (who, weight)
