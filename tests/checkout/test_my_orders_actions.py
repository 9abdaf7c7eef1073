"""My orders: an unpaid order can be paid again or cancelled, and an expired one says so."""

from datetime import timedelta

import pytest
from django.utils import timezone

from checkout import services
from checkout.models import Order, Payment

from ..conftest import make_person

WAITING_PHONE = "+237670000099"


@pytest.fixture
def buyer(db):
    return make_person("orders.buyer@example.cm", is_student=True)


@pytest.fixture
def open_order(course_site, buyer):
    return services.create_order(user=buyer, item_type="course", item_id=course_site["paid"].pk)


@pytest.mark.django_db
def test_an_unpaid_order_past_its_time_says_it_expired_and_offers_to_order_again(
    client, buyer, open_order
):
    Order.objects.filter(pk=open_order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(buyer)

    page = client.get("/en/account/orders/").content.decode()

    assert Order.objects.get().status == Order.Status.EXPIRED
    assert "This order expired before it was paid." in page
    assert f'href="/en/checkout/buy/course/{open_order.item_id}/"' in page
    assert "Order again" in page and "Cancel this order" not in page


@pytest.mark.django_db
def test_an_order_whose_payment_was_rejected_offers_to_pay_again_or_cancel(
    client, buyer, open_order
):
    payment = services.start_payment(order=open_order, provider_name="sandbox", phone=WAITING_PHONE)
    Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.FAILED)
    client.force_login(buyer)

    page = client.get("/fr/account/orders/").content.decode()

    assert "Payer maintenant" in page and "Annuler cette commande" in page
    assert f'action="/fr/account/orders/{open_order.number}/cancel/"' in page


@pytest.mark.django_db
def test_a_waiting_payment_is_followed_from_my_orders(client, buyer, open_order):
    payment = services.start_payment(order=open_order, provider_name="sandbox", phone=WAITING_PHONE)
    client.force_login(buyer)

    page = client.get("/en/account/orders/").content.decode()

    assert f'href="/en/checkout/payment/{payment.reference}/"' in page
    assert Order.objects.get().status == Order.Status.PENDING


@pytest.mark.django_db
def test_the_buyer_cancels_an_unpaid_order(client, buyer, open_order):
    client.force_login(buyer)

    response = client.post(f"/en/account/orders/{open_order.number}/cancel/", follow=True)

    assert Order.objects.get().status == Order.Status.CANCELLED
    assert f"Order {open_order.number} is cancelled." in response.content.decode()


@pytest.mark.django_db
def test_nobody_else_can_cancel_an_order(client, open_order):
    client.force_login(make_person("stranger@example.cm", is_student=True))

    response = client.post(f"/en/account/orders/{open_order.number}/cancel/")

    assert response.status_code == 404
    assert Order.objects.get().status == Order.Status.PENDING


@pytest.mark.django_db
def test_a_paid_order_cannot_be_cancelled(client, buyer, open_order):
    Order.objects.filter(pk=open_order.pk).update(status=Order.Status.PAID)
    client.force_login(buyer)

    response = client.post(f"/fr/account/orders/{open_order.number}/cancel/", follow=True)

    assert "Seule une commande non payée peut être annulée." in response.content.decode()
    assert Order.objects.get().status == Order.Status.PAID


@pytest.mark.django_db
def test_a_cancelled_order_that_still_gets_paid_is_refunded(
    buyer, open_order, django_capture_on_commit_callbacks
):
    from checkout.models import Refund, SandboxCharge

    payment = services.start_payment(order=open_order, provider_name="sandbox", phone=WAITING_PHONE)
    services.cancel_order(order=open_order, user=buyer)
    SandboxCharge.objects.filter(reference=payment.reference).update(status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        services.poll_payment(payment=payment)

    open_order.refresh_from_db()
    assert open_order.status == Order.Status.REFUNDED and open_order.needs_review
    assert Refund.objects.get(payment=payment).status == Refund.Status.DONE
