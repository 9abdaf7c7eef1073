import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from ..conftest import PASSWORD
from .test_signup import sign_up

LINK = re.compile(r"https?://[^/]+(/\w\w/accounts/confirm-email/[^/\s]+/)")


def confirmation_path():
    return LINK.search(mail.outbox[-1].body).group(1)


@pytest.mark.django_db
def test_verification_link_verifies_then_the_person_logs_in(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    path = confirmation_path()

    page = client.get(path)
    assert page.status_code == 200
    assert "nadege@example.cm" in page.content.decode()
    confirmed = client.post(path)

    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="nadege@example.cm").verified
    login = client.post("/fr/accounts/login/", {"login": "nadege@example.cm", "password": PASSWORD})
    assert login.status_code == 302
    assert login.url == "/fr/account/"
    assert "Mon compte" in client.get(login.url).content.decode()


@pytest.mark.django_db
def test_reused_verification_link_says_it_is_no_longer_valid(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    path = confirmation_path()
    client.post(path)

    again = client.get(path)

    assert again.status_code == 200
    assert "a expiré ou n'est pas valide" in again.content.decode()
    assert client.post(path).status_code == 404


@pytest.mark.django_db
def test_expired_verification_link_is_refused_and_leaves_the_address_unverified(
    client, django_capture_on_commit_callbacks, settings
):
    sign_up(client, django_capture_on_commit_callbacks)
    path = confirmation_path()
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 0

    response = client.get(path)

    assert "a expiré ou n'est pas valide" in response.content.decode()
    assert client.post(path).status_code == 404
    assert not EmailAddress.objects.get(email="nadege@example.cm").verified


@pytest.mark.django_db
def test_tampered_verification_link_is_refused(client):
    response = client.get("/en/accounts/confirm-email/not-a-real-key/")

    assert response.status_code == 200
    assert "expired or is invalid" in response.content.decode()
