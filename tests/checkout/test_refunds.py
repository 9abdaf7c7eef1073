"""Moderators refund orders from the Wagtail admin; nobody else can."""

import pytest
from django.contrib.messages import ERROR, SUCCESS, WARNING, get_messages
from django.core import mail

from checkout.errors import ProviderUnavailable, RefundRefused
from checkout.models import LedgerLine, LedgerTransaction, Order, Refund
from checkout.providers.sandbox import SandboxProvider
from enrolment.models import Enrolment

from .conftest import buy_course

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["orders_moderator", "orders_superuser"])
def refunder(request):
    return request.getfixturevalue(request.param)


def detail_url(order):
    return f"/admin/orders/{order.pk}/"


def refund(client, order, capture, *, amount, reason="Cours annulé", payment=None):
    """As a moderator does it: fill the form, then confirm. A refused first step (bad
    input, no permission) is returned as is, having asked nothing."""
    data = {"payment": (payment or order.payments.get()).pk, "amount_xaf": amount, "reason": reason}
    with capture(execute=True):
        asked = client.post(detail_url(order), data)
        if asked.status_code != 200 or not asked.context.get("refund_confirmation"):
            return asked
        return client.post(detail_url(order), {**data, "confirm": "1"})


def shown_messages(response, level):
    return [str(m.message) for m in get_messages(response.wsgi_request) if m.level == level]


def enrolment_of(order):
    return Enrolment.objects.get(user=order.user, course_id=order.item_id)


def state(order):
    """Everything a refund may change, to check that a refused one changed nothing."""
    order.refresh_from_db()
    return {
        "order": (order.status, order.refunded_xaf),
        "refunds_done": Refund.objects.filter(status=Refund.Status.DONE).count(),
        "ledger": LedgerTransaction.objects.count(),
        "lines": LedgerLine.objects.count(),
        "enrolment": enrolment_of(order).status,
        "mail": len(mail.outbox),
    }


def test_moderator_sees_orders_with_filters_and_search(client, sales_site, refunder):
    paid = buy_course(sales_site["nadia"], sales_site["braids"])
    other = buy_course(sales_site["john"], sales_site["nails"])
    Order.objects.filter(pk=other.pk).update(
        needs_review=True, review_reason="Double paiement", status=Order.Status.PARTLY_REFUNDED
    )
    client.force_login(refunder)

    listing = client.get("/admin/orders/")
    reviewed = client.get("/admin/orders/?needs_review=true")
    paid_only = client.get("/admin/orders/?status=paid")
    by_email = client.get("/admin/orders/?q=nadia.eleve")
    by_number = client.get(f"/admin/orders/?q={other.number}")

    assert listing.status_code == 200
    page = listing.content.decode()
    assert paid.number in page and other.number in page
    assert "Tresses africaines" in page and "5\xa0000\xa0FCFA" in page
    assert "nadia.eleve@example.cm" in page
    assert f'href="/admin/orders/{paid.pk}/"' in page
    assert "/admin/orders/new/" not in page and "/edit/" not in page
    assert other.number in reviewed.content.decode()
    assert paid.number not in reviewed.content.decode()
    assert paid.number in paid_only.content.decode()
    assert other.number not in paid_only.content.decode()
    assert paid.number in by_email.content.decode()
    assert other.number not in by_email.content.decode()
    assert other.number in by_number.content.decode()
    assert paid.number not in by_number.content.decode()


def test_order_page_shows_payments_ledger_and_a_full_refund_by_default(
    client, sales_site, refunder
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(refunder)

    response = client.get(detail_url(order))

    page = response.content.decode()
    assert response.status_code == 200
    assert order.number in page
    assert str(order.payments.get().reference) in page
    assert "-3\xa0500\xa0FCFA" in page  # the instructor's share, owed
    assert 'name="amount_xaf" value="5000"' in page
    assert 'name="reason"' in page


def test_moderator_refunds_in_full_and_the_student_loses_access(
    client, sales_site, refunder, django_capture_on_commit_callbacks
):
    nadia = sales_site["nadia"]
    order = buy_course(nadia, sales_site["braids"])
    client.force_login(refunder)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=5000)

    order.refresh_from_db()
    assert response.status_code == 302 and response.url == detail_url(order)
    assert shown_messages(response, SUCCESS)
    assert order.status == Order.Status.REFUNDED and order.refunded_xaf == 5000
    assert enrolment_of(order).status == Enrolment.Status.REVOKED
    done = Refund.objects.get()
    assert (done.status, done.amount_xaf, done.requested_by) == (
        Refund.Status.DONE,
        5000,
        refunder,
    )
    reversal = LedgerTransaction.objects.get(kind=LedgerTransaction.Kind.REFUND)
    assert reversal.refund == done
    assert dict(reversal.lines.values_list("account", "amount_xaf")) == {
        "provider_clearing": -5000,
        "payee_payable": 3500,
        "platform_revenue": 1500,
    }
    assert reversal.lines.get(account="payee_payable").payee == sales_site["awa"]
    assert [message.to for message in mail.outbox] == [[nadia.email]]
    assert order.number in mail.outbox[0].subject
    assert "5\xa0000\xa0FCFA" in mail.outbox[0].body


def test_partial_refund_keeps_the_enrolment(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=2000)
    page = client.get(detail_url(order)).content.decode()

    order.refresh_from_db()
    assert response.status_code == 302
    assert order.status == Order.Status.PARTLY_REFUNDED and order.refunded_xaf == 2000
    assert enrolment_of(order).status == Enrolment.Status.ACTIVE
    reversal = LedgerTransaction.objects.get(kind=LedgerTransaction.Kind.REFUND)
    assert dict(reversal.lines.values_list("account", "amount_xaf")) == {
        "provider_clearing": -2000,
        "payee_payable": 1400,
        "platform_revenue": 600,
    }
    assert len(mail.outbox) == 1
    assert 'name="amount_xaf" value="3000"' in page


def test_refund_larger_than_what_remains_is_refused_and_changes_nothing(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)
    refund(client, order, django_capture_on_commit_callbacks, amount=2000)
    before = state(order)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=3001)

    assert response.status_code == 200
    errors = shown_messages(response, ERROR)
    assert len(errors) == 1 and "3000" in errors[0]
    assert errors[0] in response.content.decode()
    assert state(order) == before
    assert Refund.objects.count() == 1


def test_refund_of_an_unpaid_payment_is_refused(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks
):
    from checkout import services

    order = services.create_order(
        user=sales_site["nadia"], item_type="course", item_id=sales_site["braids"].pk
    )
    # A number the sandbox phone never answers by itself: the payment stays pending.
    services.start_payment(order=order, provider_name="sandbox", phone="+237677998877")
    client.force_login(orders_moderator)

    page = client.get(detail_url(order)).content.decode()
    response = refund(client, order, django_capture_on_commit_callbacks, amount=5000)

    order.refresh_from_db()
    assert 'name="amount_xaf"' not in page
    assert response.status_code == 200 and shown_messages(response, ERROR)
    assert (order.status, order.refunded_xaf) == (Order.Status.PENDING, 0)
    assert not Refund.objects.exists() and not LedgerTransaction.objects.exists()


def test_provider_without_an_answer_leaves_the_refund_pending_and_changes_nothing_yet(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks, monkeypatch
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    before = state(order)

    def provider_down(self, payment, amount_xaf, *, reference):
        raise ProviderUnavailable("timeout")

    monkeypatch.setattr(SandboxProvider, "refund", provider_down)
    client.force_login(orders_moderator)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=5000)

    assert response.status_code == 302
    [warning] = shown_messages(response, WARNING)
    assert "5" in warning and order.number in warning
    assert state(order) == before
    assert Refund.objects.get().status == Refund.Status.PENDING


def test_a_refund_the_provider_refuses_is_reported_and_changes_nothing(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks, monkeypatch
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    before = state(order)

    def refuse(self, payment, amount_xaf, *, reference):
        raise RefundRefused("Non.")

    monkeypatch.setattr(SandboxProvider, "refund", refuse)
    client.force_login(orders_moderator)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=5000)

    assert response.status_code == 200 and shown_messages(response, ERROR) == ["Non."]
    assert state(order) == before
    assert Refund.objects.get().status == Refund.Status.FAILED


def test_a_refund_needs_a_reason(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    before = state(order)
    client.force_login(orders_moderator)

    response = refund(client, order, django_capture_on_commit_callbacks, amount=5000, reason="")

    assert response.status_code == 200
    assert response.context["refund_form"].errors["reason"]
    assert state(order) == before and not Refund.objects.exists()


def test_instructor_who_is_not_a_moderator_cannot_open_the_orders_admin(
    client, sales_site, django_capture_on_commit_callbacks
):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    before = state(order)
    client.force_login(sales_site["awa"])

    home = client.get("/admin/")
    listing = client.get("/admin/orders/")
    detail = client.get(detail_url(order))
    posted = refund(client, order, django_capture_on_commit_callbacks, amount=5000)
    payouts = client.get("/admin/payouts/?start=2026-01-01&end=2026-12-31")

    assert home.status_code == 200
    assert "/admin/orders/" not in home.content.decode()
    assert "/admin/payouts/" not in home.content.decode()
    # Wagtail turns a refusal into a redirect to the dashboard with an error message.
    for refused in (listing, detail, posted, payouts):
        assert (refused.status_code, refused.url) == (302, "/admin/")
        assert shown_messages(refused, ERROR)
    assert state(order) == before


def test_moderator_sees_the_orders_and_payouts_menus(client, sales_site, orders_moderator):
    client.force_login(orders_moderator)

    home = client.get("/admin/").content.decode()

    assert "/admin/orders/" in home and "/admin/payouts/" in home
