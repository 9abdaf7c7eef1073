"""Lockout after five wrong passwords (per account and address) and rate limits on
sign-up, password reset and webhooks, each answered with a translated 429."""

import pytest
from django.core import mail
from django.test import Client, override_settings

from accounts.models import User
from checkout.models import PaymentEvent

from ..conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"


def log_in(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def test_after_five_wrong_passwords_even_the_right_one_is_refused():
    make_person("binta@example.cm")
    client = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(4):
        assert log_in(client, "binta@example.cm", "wrong-password").status_code == 200
    # The fifth failure locks the pair at once.
    assert log_in(client, "binta@example.cm", "wrong-password").status_code == 429

    response = log_in(client, "Binta@example.cm", PASSWORD)

    assert response.status_code == 429
    assert "Compte bloqué pour un moment" in response.content.decode()
    assert not logged_in(client)


def test_lockout_is_per_account_and_address():
    make_person("binta@example.cm")
    make_person("carine@example.cm")
    attacker = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(5):
        log_in(attacker, "binta@example.cm", "wrong-password")

    other_account = log_in(attacker, "carine@example.cm", PASSWORD)
    assert other_account.status_code == 302

    owner_elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    assert log_in(owner_elsewhere, "binta@example.cm", PASSWORD).status_code == 302
    assert logged_in(owner_elsewhere)


def test_four_wrong_passwords_then_the_right_one_logs_in():
    make_person("binta@example.cm")
    client = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(4):
        log_in(client, "binta@example.cm", "wrong-password")

    assert log_in(client, "binta@example.cm", PASSWORD).status_code == 302


def test_admin_login_is_locked_the_same_way(moderator):
    client = Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(5):
        client.post("/admin/login/", {"username": moderator.email, "password": "nope"})

    response = client.post("/admin/login/", {"username": moderator.email, "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def signup(client, index):
    return client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Test",
            "last_name": "Person",
            "email": f"new{index}@example.cm",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "role": "student",
            "phone": "",
        },
    )


def test_sign_ups_from_one_address_are_limited_with_an_english_429(
    django_capture_on_commit_callbacks,
):
    client = Client(REMOTE_ADDR="10.0.0.11")
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(10):
            assert signup(client, index).status_code == 302
            client.logout()

    response = signup(client, 99)

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(email="new99@example.cm").exists()


def test_password_resets_for_one_account_are_limited(django_capture_on_commit_callbacks):
    make_person("grace@example.cm")
    client = Client(REMOTE_ADDR="10.0.0.12")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/fr/accounts/password/reset/", {"email": "grace@example.cm"})
    assert len(mail.outbox) == 3

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/accounts/password/reset/", {"email": "grace@example.cm"})

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert len(mail.outbox) == 3


@override_settings(RATELIMIT_WEBHOOKS="3/m")
def test_webhook_flood_from_one_address_is_refused_and_records_nothing():
    client = Client(REMOTE_ADDR="10.0.0.13")
    answers = [
        client.post("/checkout/webhooks/sandbox/", b"{}", content_type="application/json")
        for _ in range(4)
    ]
    recorded = PaymentEvent.objects.count()

    assert [answer.status_code for answer in answers[:3]] == [400, 400, 400]
    assert answers[3].status_code == 429
    assert PaymentEvent.objects.count() == recorded


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_address_is_the_last_forwarded_hop():
    from django.test import RequestFactory

    from core.client_address import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 41.202.1.9"
    )
    assert client_ip(request) == "41.202.1.9"


def test_without_a_trusted_proxy_forwarded_headers_are_ignored():
    from django.test import RequestFactory

    from core.client_address import client_ip

    request = RequestFactory().get("/", REMOTE_ADDR="41.202.1.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "41.202.1.9"
