"""The public profile: services, badges, reviews, the phone shown on tap, view counts."""

import pytest

from directory.models import ContactReveal, Review, WeeklyStats
from directory.services import refresh_rating
from tests.conftest import make_person
from tests.counting import drain_counts

from .builders import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def awa(directory):
    return make_professional(
        directory["index"], "Studio Awa", services=[("braiding", 15000)], phone="+237677123456"
    )


def test_profile_shows_services_with_price_and_deposit(client, awa):
    body = client.get(awa.url).content.decode()
    assert "Prestation braiding" in body
    assert "15\xa0000\xa0FCFA" in body


def test_english_profile_shows_the_same_services_and_rating(client, directory, awa):
    Review.objects.create(professional=awa, author=make_person("c@example.cm"), rating=4)
    refresh_rating(professional=awa)
    english = awa.get_translation(directory["en"])
    body = client.get(english.url).content.decode()
    assert "braiding service" in body
    assert "4.0" in body


def test_phone_is_hidden_until_someone_taps_and_the_tap_is_logged(client, awa):
    assert "677" not in client.get(awa.url).content.decode().split('id="contact"')[1][:400]
    response = client.post(f"/fr/directory/contact/{awa.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith("#contact")
    assert "6 77 12 34 56" in client.get(awa.url).content.decode()
    assert ContactReveal.objects.filter(professional=awa).count() == 1


def test_contact_reveal_of_a_draft_is_not_found(client, directory):
    draft = make_professional(directory["index"], "Brouillon", live=False)
    assert client.post(f"/fr/directory/contact/{draft.pk}/").status_code == 404
    assert not ContactReveal.objects.exists()


def test_hidden_reviews_are_not_shown_and_html_in_reviews_is_escaped(client, awa):
    Review.objects.create(
        professional=awa, author=make_person("a@example.cm"), rating=5, text="<b>Super</b>"
    )
    Review.objects.create(
        professional=awa,
        author=make_person("b@example.cm"),
        rating=1,
        text="Insulte",
        is_hidden=True,
    )
    body = client.get(awa.url).content.decode()
    assert "&lt;b&gt;Super&lt;/b&gt;" in body
    assert "Insulte" not in body


def test_each_view_counts_once_in_this_weeks_statistics(client, awa):
    client.get(awa.url)
    client.get(awa.url)
    drain_counts()
    assert WeeklyStats.objects.get(professional=awa).profile_views == 2


def test_certificate_badges_link_to_their_verification_page(client, awa, monkeypatch):
    class Certificate:
        code = "BSA-7K3Q-9F2M"
        course_title = "Tresses africaines"

        def get_verify_url(self):
            return "/fr/verify/BSA-7K3Q-9F2M"

    monkeypatch.setattr("directory.profile_page.certificates_of", lambda user: [Certificate()])
    body = client.get(awa.url).content.decode()
    assert 'href="/fr/verify/BSA-7K3Q-9F2M"' in body
    assert "Tresses africaines" in body
