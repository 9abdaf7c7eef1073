"""Searches and "show the number" taps are limited per client address; over the limit
the visitor gets a 429 page in their language and nothing is counted or revealed."""

import pytest
from django.test import Client, override_settings

from directory.models import ContactReveal, WeeklyStats
from directory.selectors import REVEALED_CONTACTS_KEY

from ..counting import drain_counts
from .builders import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def awa(directory):
    return make_professional(directory["index"], "Studio Awa", phone="+237677123456")


@pytest.fixture
def grace(directory):
    return make_professional(directory["index"], "Grace Nails", phone="+237699123456")


def appearances(professional):
    drain_counts()
    row = WeeklyStats.objects.filter(professional=professional).first()
    return row.search_appearances if row else 0


@override_settings(RATELIMIT_SEARCH="3/m")
def test_searches_over_the_limit_get_a_french_429_and_count_no_appearance(awa):
    client = Client(REMOTE_ADDR="10.0.1.1")
    answers = [client.get("/fr/professionnelles/", {"q": "awa"}) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert "Trop de tentatives" in answers[3].content.decode()
    assert appearances(awa) == 3


@override_settings(RATELIMIT_SEARCH="2/m")
def test_the_search_limit_answers_in_english_on_the_english_directory(awa):
    client = Client(REMOTE_ADDR="10.0.1.2")
    for _ in range(2):
        assert client.get("/en/professionals/").status_code == 200

    response = client.get("/en/professionals/", {"town": "douala"})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


@override_settings(RATELIMIT_SEARCH="1/m")
def test_the_search_limit_is_per_client_address(awa):
    Client(REMOTE_ADDR="10.0.1.3").get("/fr/professionnelles/")
    assert Client(REMOTE_ADDR="10.0.1.3").get("/fr/professionnelles/").status_code == 429
    assert Client(REMOTE_ADDR="10.0.1.4").get("/fr/professionnelles/").status_code == 200


@override_settings(RATELIMIT_PHONE_REVEAL="2/h")
def test_number_taps_over_the_limit_reveal_and_log_nothing(awa, grace):
    client = Client(REMOTE_ADDR="10.0.1.5")
    for _ in range(2):
        assert client.post(f"/fr/directory/contact/{awa.pk}/").status_code == 302

    response = client.post(f"/en/directory/contact/{grace.pk}/")

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not ContactReveal.objects.filter(professional=grace).exists()
    assert client.session[REVEALED_CONTACTS_KEY] == [awa.pk]
    assert "6 99 12 34 56" not in client.get(grace.url).content.decode()


@override_settings(RATELIMIT_PHONE_REVEAL="1/h")
def test_number_tap_limit_answers_in_french_on_french_pages(awa):
    client = Client(REMOTE_ADDR="10.0.1.6")
    client.post(f"/fr/directory/contact/{awa.pk}/")

    response = client.post(f"/fr/directory/contact/{awa.pk}/")

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert ContactReveal.objects.filter(professional=awa).count() == 1
