"""Taps of the same pay form that race each other make one order and all get it:
the loser of the unique form token gets the winner's order, not a 500."""

import html
import uuid

import pytest

from checkout import services
from checkout.models import Order, Payment

from ..conftest import make_person
from .test_course_purchase import buyer  # noqa: F401 (fixture)


def a_rival_tap_commits_first(monkeypatch, *, user):
    """Between our lookup of the token and our insert, another request inserts it."""
    real_find_coupon = services.find_coupon

    def find_coupon_after_the_rival(**kwargs):
        Order.objects.create(
            user=user,
            item_type="course",
            item_id=str(kwargs["item_id"]),
            description="Mariée pro",
            list_price_xaf=5000,
            amount_xaf=5000,
            request_token=TOKEN,
        )
        return real_find_coupon(**kwargs)

    monkeypatch.setattr(services, "find_coupon", find_coupon_after_the_rival)


TOKEN = uuid.UUID("6f1c2b0e-2a53-4a31-9d0f-2d7a3f3f7a11")


def pay(client, course):
    return client.post(
        f"/fr/checkout/buy/course/{course.pk}/",
        {"token": str(TOKEN), "method": "sandbox", "phone": "6 70 00 00 01", "coupon": ""},
    )


@pytest.mark.django_db
def test_the_tap_that_loses_the_race_gets_the_same_order(
    client,
    paid_course,  # noqa: F811
    buyer,  # noqa: F811
    monkeypatch,
):
    client.force_login(buyer)
    a_rival_tap_commits_first(monkeypatch, user=buyer)

    response = pay(client, paid_course)

    order = Order.objects.get()
    payment = Payment.objects.get()
    assert payment.order == order and order.request_token == TOKEN
    assert response.status_code == 302
    assert response.url == f"/fr/checkout/payment/{payment.reference}/"


@pytest.mark.django_db
def test_a_form_token_someone_else_used_is_refused_and_changes_nothing(
    client,
    paid_course,  # noqa: F811
    buyer,  # noqa: F811
    monkeypatch,
):
    someone_else = make_person("other@example.cm", is_student=True)
    client.force_login(buyer)
    a_rival_tap_commits_first(monkeypatch, user=someone_else)

    response = pay(client, paid_course)

    assert response.status_code == 200
    assert "Ce formulaire a déjà servi." in html.unescape(response.content.decode())
    assert not Order.objects.filter(user=buyer).exists()
    assert not Payment.objects.exists()
