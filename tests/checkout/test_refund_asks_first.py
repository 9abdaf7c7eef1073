"""A moderator's refund asks first, saying who gets how much by which provider and what
happens to the item; only the confirmed second step moves money."""

from html import unescape

import pytest
from django.contrib.messages import ERROR, get_messages

from checkout.models import LedgerTransaction, Order, Refund
from enrolment.models import Enrolment

from .conftest import buy_course

pytestmark = pytest.mark.django_db


def detail_url(order):
    return f"/admin/orders/{order.pk}/"


def ask(client, order, *, amount, reason="Cours annulé"):
    data = {"payment": order.payments.get().pk, "amount_xaf": amount, "reason": reason}
    return client.post(detail_url(order), data)


def nothing_moved(order):
    order.refresh_from_db()
    enrolment = Enrolment.objects.get(user=order.user, course_id=order.item_id)
    return (
        (order.status, order.refunded_xaf) == (Order.Status.PAID, 0)
        and not Refund.objects.exists()
        and not LedgerTransaction.objects.filter(kind=LedgerTransaction.Kind.REFUND).exists()
        and enrolment.status == Enrolment.Status.ACTIVE
    )


def test_a_full_refund_asks_first_and_says_the_student_loses_the_course(
    client, sales_site, orders_moderator
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    response = ask(client, order, amount=5000)

    page = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Rembourser 5\xa0000\xa0FCFA à Nadia Mbarga par" in page
    assert "L'élève perd l'accès à la formation et à son certificat." in page
    assert 'name="confirm" value="1"' in page
    assert 'value="Cours annulé"' in page  # the reason goes with the confirmation
    assert nothing_moved(order)


def test_a_partial_refund_says_the_student_keeps_the_course(client, sales_site, orders_moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    page = unescape(ask(client, order, amount=2000).content.decode())

    assert "Rembourser 2\xa0000\xa0FCFA à Nadia Mbarga par" in page
    assert "l'élève garde l'accès à la formation." in page
    assert "perd l'accès" not in page
    assert nothing_moved(order)


def test_the_confirmation_reads_in_english_for_an_english_moderator(
    client, sales_site, orders_moderator
):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=orders_moderator, defaults={"preferred_language": "en"}
    )
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    page = unescape(ask(client, order, amount=5000).content.decode())

    assert "Refund FCFA\xa05,000 to Nadia Mbarga by" in page
    assert "The student loses access to the course and its certificate." in page
    assert nothing_moved(order)


def test_confirming_refunds(client, sales_site, orders_moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)
    data = {"payment": order.payments.get().pk, "amount_xaf": 5000, "reason": "Doublon"}

    response = client.post(detail_url(order), {**data, "confirm": "1"})

    order.refresh_from_db()
    assert (response.status_code, response.url) == (302, detail_url(order))
    assert (order.status, order.refunded_xaf) == (Order.Status.REFUNDED, 5000)
    assert Refund.objects.get().reason == "Doublon"


def test_too_large_an_amount_is_refused_before_asking(client, sales_site, orders_moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    response = ask(client, order, amount=5001)

    errors = [str(m.message) for m in get_messages(response.wsgi_request) if m.level == ERROR]
    page = unescape(response.content.decode())
    assert response.status_code == 200
    assert errors == ["Vous pouvez rembourser entre 1 et 5000 FCFA."]
    assert 'name="confirm"' not in page and "Rembourser 5\xa0001" not in page
    assert nothing_moved(order)
