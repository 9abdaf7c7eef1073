import re

import pytest
from django.core import mail

from ..conftest import PASSWORD, logs_in, make_person

NEW_PASSWORD = "Maquillage-Yaounde-77"
RESET_LINK = re.compile(r"https?://[^/]+(/\w\w/accounts/password/reset/key/[^/\s]+/)")


def request_reset(client, capture, email, url="/fr/accounts/password/reset/"):
    with capture(execute=True):
        return client.post(url, {"email": email})


def follow_reset_link(client):
    path = RESET_LINK.search(mail.outbox[-1].body).group(1)
    # allauth swaps the key for a session token and redirects to the form.
    return client.get(path, follow=True)


@pytest.mark.django_db
def test_reset_email_is_in_the_users_language_and_sets_a_new_password(
    client, django_capture_on_commit_callbacks
):
    make_person("grace@example.cm", preferred_language="en")

    request_reset(client, django_capture_on_commit_callbacks, "grace@example.cm")
    assert len(mail.outbox) == 1
    assert "Password Reset" in mail.outbox[0].subject
    form_page = follow_reset_link(client)
    action = form_page.redirect_chain[-1][0]
    done = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert done.status_code == 302
    assert logs_in(client, "grace@example.cm", NEW_PASSWORD)


@pytest.mark.django_db
def test_french_user_gets_a_french_reset_email(client, django_capture_on_commit_callbacks):
    make_person("linda@example.cm", preferred_language="fr")

    request_reset(client, django_capture_on_commit_callbacks, "linda@example.cm")

    assert "réinitialisation de mot de passe" in mail.outbox[0].subject


@pytest.mark.django_db
def test_reused_reset_link_is_refused_and_password_stays(
    client, django_capture_on_commit_callbacks
):
    make_person("linda@example.cm")
    request_reset(client, django_capture_on_commit_callbacks, "linda@example.cm")
    path = RESET_LINK.search(mail.outbox[-1].body).group(1)
    action = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = client.get(path, follow=True)

    assert "Mauvais jeton" in again.content.decode()
    assert "password1" not in again.content.decode()
    assert logs_in(client, "linda@example.cm", NEW_PASSWORD)


@pytest.mark.django_db
def test_reset_with_a_weak_new_password_is_refused(client, django_capture_on_commit_callbacks):
    make_person("linda@example.cm")
    request_reset(client, django_capture_on_commit_callbacks, "linda@example.cm")
    action = follow_reset_link(client).redirect_chain[-1][0]

    response = client.post(action, {"password1": "azerty", "password2": "azerty"})

    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in response.content.decode()
    assert logs_in(client, "linda@example.cm", PASSWORD)
