"""A phone app signs a student up through allauth's headless API; the e-mail must be
verified before she is signed in, as on the site."""

import pytest
from django.core import mail

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/api/v1/auth/app/v1/auth/signup"


def test_student_signs_up_and_is_asked_to_verify_her_email(
    api, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            SIGNUP,
            {
                "email": "nouvelle@example.cm",
                "password": "Tresses-Douala-2026",
                "first_name": "Nadège",
                "last_name": "Essomba",
                "role": "student",
            },
            content_type="application/json",
        )

    assert response.status_code == 401, response.content
    flows = {flow["id"]: flow for flow in response.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"] is True
    person = User.objects.get(email="nouvelle@example.cm")
    assert (person.first_name, person.is_student) == ("Nadège", True)
    assert mail.outbox[-1].to == ["nouvelle@example.cm"]
