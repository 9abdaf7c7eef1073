"""Account e-mails name the academy (allauth's templates read ``current_site``)."""

import pytest
from django.core import mail

from ..conftest import make_person
from .test_password_reset import request_reset
from .test_signup import SIGNUP_EN, sign_up


@pytest.mark.django_db
def test_french_verification_email_greets_from_the_academy(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)

    body = mail.outbox[-1].body
    assert "Bonjour, c'est Beauty Skills Academy !" in body
    assert "c'est  !" not in body
    assert "Merci d'utiliser Beauty Skills Academy !" in body


@pytest.mark.django_db
def test_english_verification_email_greets_from_the_academy(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, url=SIGNUP_EN)

    body = mail.outbox[-1].body
    assert "Hello from Beauty Skills Academy!" in body
    assert "Thank you for using Beauty Skills Academy!" in body


@pytest.mark.django_db
def test_french_password_reset_email_greets_from_the_academy(
    client, django_capture_on_commit_callbacks
):
    make_person("linda@example.cm", preferred_language="fr")

    request_reset(client, django_capture_on_commit_callbacks, "linda@example.cm")

    assert "Bonjour, c'est Beauty Skills Academy !" in mail.outbox[-1].body


@pytest.mark.django_db
def test_english_password_reset_email_greets_from_the_academy(
    client, django_capture_on_commit_callbacks
):
    make_person("grace@example.cm", preferred_language="en")

    request_reset(
        client,
        django_capture_on_commit_callbacks,
        "grace@example.cm",
        "/en/accounts/password/reset/",
    )

    body = mail.outbox[-1].body
    assert "Hello from Beauty Skills Academy!" in body
    assert "Hello from !" not in body
