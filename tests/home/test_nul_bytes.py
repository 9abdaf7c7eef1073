"""A NUL byte anywhere in an address, a query or a form gets a translated 400 and
changes nothing (PostgreSQL cannot store one: it used to be a 500 there)."""

import html

import pytest
from django.conf import settings

from accounts.models import User

REFUSAL = "Nous n'avons pas pu lire cette requête"


def refused(response):
    return response.status_code == 400 and REFUSAL in html.unescape(response.content.decode())


@pytest.mark.django_db
def test_a_nul_byte_in_an_address_is_refused(client, site_pages, student):
    client.force_login(student)

    for url in (
        "/lesson-media/image/%00",
        "/lesson-media/image/photo%00.webp",
        "/fr/account/orders/receipt/%00.pdf",
        "/fr/verify/BSA%00",
    ):
        assert refused(client.get(url)), url
    english = client.get("/en/courses%00/")
    assert english.status_code == 400
    assert "We could not read this request" in english.content.decode()


@pytest.mark.django_db
def test_a_nul_byte_in_a_query_value_or_name_is_refused(client, site_pages):
    assert refused(client.get("/fr/", {"q": "tresses\x00"}))
    assert refused(client.get("/fr/?q%00=tresses"))


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_is_refused_and_changes_nothing(client, site_pages, student):
    client.force_login(student)

    response = client.post(
        "/fr/account/profile/",
        {
            "first_name": "Linda\x00",
            "last_name": "Tchoua",
            "phone": "+237 699 11 22 33",
            "preferred_language": "en",
            "region": "CE",
            "town": "Yaoundé",
        },
    )

    assert refused(response)
    student.refresh_from_db()
    assert student.first_name == "Test" and student.region == ""


@pytest.mark.django_db
def test_a_session_cookie_with_a_nul_byte_is_only_no_session(client, site_pages):
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"

    response = client.get("/fr/account/")

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_multipart_post_to_a_webhook_is_left_for_the_webhook_to_read(client):
    response = client.post("/checkout/webhooks/sandbox/", {"reference": "x\x00"})

    assert response.status_code == 400
    assert REFUSAL not in html.unescape(response.content.decode())
