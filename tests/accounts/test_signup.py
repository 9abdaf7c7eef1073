import re

import pytest
from django.core import mail

from accounts.models import User
from notifications.models import OutboundMessage

from ..conftest import PASSWORD, make_person

SIGNUP_FR = "/fr/accounts/signup/"
SIGNUP_EN = "/en/accounts/signup/"


def signup_data(**overrides):
    data = {
        "first_name": "Nadège",
        "last_name": "Ewane",
        "email": "nadege@example.cm",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "role": "student",
        "phone": "",
    }
    data.update(overrides)
    return data


def sign_up(client, capture, url=SIGNUP_FR, **overrides):
    with capture(execute=True):
        return client.post(url, signup_data(**overrides))


@pytest.mark.django_db
def test_student_signs_up_in_french_and_gets_a_french_verification_email(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, phone="677 12 34 56")

    assert response.status_code == 302
    user = User.objects.get(email="nadege@example.cm")
    assert user.is_student and not user.is_client
    assert user.instructor_status == ""
    assert user.preferred_language == "fr"
    assert str(user.phone) == "+237677123456"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nadege@example.cm"]
    assert "Confirmez" in message.subject or "confirm" in message.subject.lower()
    assert re.search(r"/fr/accounts/confirm-email/[^/\s]+/", message.body)
    assert OutboundMessage.objects.get().status == OutboundMessage.Status.SENT


@pytest.mark.django_db
def test_signup_in_english_sends_the_email_in_english(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks, url=SIGNUP_EN)

    user = User.objects.get(email="nadege@example.cm")
    assert user.preferred_language == "en"
    assert "Please Confirm Your Email Address" in mail.outbox[0].subject
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body


@pytest.mark.django_db
def test_instructor_signup_waits_for_a_moderator(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks, role="instructor")

    user = User.objects.get(email="nadege@example.cm")
    assert user.instructor_status == User.InstructorStatus.PENDING
    assert not user.groups.filter(name="Instructors").exists()


@pytest.mark.django_db
def test_client_signup_records_the_client_role(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks, role="client")

    user = User.objects.get(email="nadege@example.cm")
    assert user.is_client and not user.is_student


@pytest.mark.django_db
def test_signup_with_a_taken_email_is_refused_and_changes_nothing(
    client, django_capture_on_commit_callbacks
):
    make_person("nadege@example.cm")

    response = sign_up(client, django_capture_on_commit_callbacks, email="Nadege@Example.cm")

    assert response.status_code == 200
    assert "Un autre utilisateur utilise déjà cette adresse" in response.content.decode()
    assert User.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_with_a_weak_password_is_refused_in_french(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, django_capture_on_commit_callbacks, password1="123456", password2="123456"
    )

    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_with_a_weak_password_is_refused_in_english(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(
        client, django_capture_on_commit_callbacks, url=SIGNUP_EN, password1="123", password2="123"
    )

    assert "This password is too short" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("phone", ["12345", "+33 6 12 34 56 78", "6777", "abcdefghi"])
@pytest.mark.django_db
def test_signup_with_a_malformed_phone_is_refused(
    client, django_capture_on_commit_callbacks, phone
):
    response = sign_up(client, django_capture_on_commit_callbacks, phone=phone)

    assert response.status_code == 200
    assert "Saisissez un numéro camerounais" in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_unverified_person_cannot_log_in(client):
    make_person("new@example.cm", verified=False)

    response = client.post("/fr/accounts/login/", {"login": "new@example.cm", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url.endswith("/fr/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session
