"""The refund queue in the Wagtail admin: moderators only; a refund by hand with its
transfer reference, or the provider asked again. Each refused action changes nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import ERROR
from django.utils import timezone

from checkout import refunds
from checkout.models import LedgerLine, Refund

from ..conftest import make_person
from .test_refunds import shown_messages
from .test_refunds_settle import MTN_PHONE, ORANGE_PHONE, state

pytestmark = pytest.mark.django_db

QUEUE = "/admin/refunds/"


def detail(refund):
    return f"/admin/refunds/{refund.pk}/"


@pytest.fixture
def waiting(paid_by, orders_moderator):
    """An Orange refund of 5000 FCFA waiting for staff."""
    payment = paid_by("orange_money", ORANGE_PHONE)
    return refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="Cours annulé", requested_by=orders_moderator
    )


def test_the_queue_lists_refunds_waiting_and_pending_too_long_with_their_age(
    client, paid_by, waiting, mobile_money, orders_moderator
):
    mobile_money.refund_outcome = "PENDING"
    old = refunds.refund_payment(
        payment=paid_by("mtn_momo", MTN_PHONE), amount_xaf=4000, reason="x", requested_by=None
    )
    recent = refunds.refund_payment(
        payment=paid_by("mtn_momo", MTN_PHONE), amount_xaf=1500, reason="y", requested_by=None
    )
    Refund.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    client.force_login(orders_moderator)

    page = client.get(QUEUE)

    html = page.content.decode()
    assert page.status_code == 200
    assert detail(waiting) in html and detail(old) in html and detail(recent) not in html
    assert "Orange Money" in html and "MTN Mobile Money" in html
    assert waiting.payment.order.number in html and "Test Person" in html
    assert "3\xa0heures" in html


@pytest.mark.parametrize("who", ["anonymous", "student", "instructor", "admin editor"])
def test_only_moderators_open_the_queue_or_act_on_a_refund(client, waiting, instructor, who):
    order = waiting.payment.order
    before = state(order)
    if who == "student":
        client.force_login(order.user)
    elif who == "instructor":
        client.force_login(instructor)
    elif who == "admin editor":
        editor = make_person("editor@example.cm", is_staff=True)
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(editor)
        assert QUEUE not in client.get("/admin/").content.decode()

    pages = [
        client.get(QUEUE),
        client.get(detail(waiting)),
        client.post(detail(waiting), {"action": "hand", "hand_reference": "MP1"}),
        client.post(detail(waiting), {"action": "retry"}),
    ]

    for page in pages:
        # No admin access: the login page. Admin access without the right: Wagtail turns
        # the PermissionDenied into a redirect to the dashboard with an error message.
        assert page.status_code == 302
        assert page["Location"].startswith("/admin/login/") or (
            page["Location"] == "/admin/" and shown_messages(page, ERROR)
        )
    waiting.refresh_from_db()
    assert waiting.status == Refund.Status.WAITING_FOR_STAFF and not waiting.hand_reference
    assert state(order) == before


def test_moderators_see_the_refund_queue_in_the_menu(client, orders_moderator):
    client.force_login(orders_moderator)

    assert QUEUE in client.get("/admin/").content.decode()


def test_a_moderator_records_a_refund_by_hand(client, waiting, orders_moderator):
    client.force_login(orders_moderator)
    page = client.get(detail(waiting))
    assert 'name="hand_reference"' in page.content.decode()

    done = client.post(
        detail(waiting), {"action": "hand", "hand_reference": "MP251205.1234.A", "note": "OK"}
    )

    assert done.status_code == 302 and done["Location"] == QUEUE
    waiting.refresh_from_db()
    order = waiting.payment.order
    order.refresh_from_db()
    assert waiting.status == Refund.Status.DONE_BY_HAND and waiting.done_by == orders_moderator
    assert (order.status, order.refunded_xaf) == ("refunded", 5000)
    assert detail(waiting) not in client.get(QUEUE).content.decode()


def test_a_refund_by_hand_without_a_reference_is_refused_and_changes_nothing(
    client, waiting, orders_moderator
):
    before = state(waiting.payment.order)
    client.force_login(orders_moderator)

    page = client.post(detail(waiting), {"action": "hand", "hand_reference": "  "})

    assert page.status_code == 400
    assert "référence" in page.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Refund.Status.WAITING_FOR_STAFF
    assert state(waiting.payment.order) == before


def test_a_transfer_reference_is_recorded_once_per_provider(
    client, paid_by, waiting, orders_moderator
):
    second = refunds.refund_payment(
        payment=paid_by("orange_money", ORANGE_PHONE),
        amount_xaf=5000,
        reason="Aussi",
        requested_by=orders_moderator,
    )
    client.force_login(orders_moderator)
    client.post(detail(waiting), {"action": "hand", "hand_reference": "MP-REF-1"})
    before = state(second.payment.order)
    lines = LedgerLine.objects.count()

    page = client.post(detail(second), {"action": "hand", "hand_reference": "mp-ref-1"})

    assert page.status_code == 400
    assert "déjà" in page.content.decode()
    second.refresh_from_db()
    assert second.status == Refund.Status.WAITING_FOR_STAFF and not second.hand_reference
    assert state(second.payment.order) == before and LedgerLine.objects.count() == lines


def test_trying_the_provider_again_reuses_the_reference_and_pays_once(
    client, paid_by, mobile_money, orders_moderator
):
    from . import fake_mobile_money as fake

    payment = paid_by("mtn_momo", MTN_PHONE)
    mobile_money.fault(fake.LOST_ANSWER, "/disbursement/v1_0/refund")
    refund = refunds.refund_payment(
        payment=payment, amount_xaf=5000, reason="x", requested_by=orders_moderator
    )
    # Handed to staff as if its checks ran out, while MTN did make it.
    Refund.objects.filter(pk=refund.pk).update(
        status=Refund.Status.WAITING_FOR_STAFF, staff_reason="Sans réponse"
    )
    mobile_money.clear_faults()
    client.force_login(orders_moderator)

    page = client.post(detail(refund), {"action": "retry"})

    assert page.status_code == 302
    refund.refresh_from_db()
    assert refund.status == Refund.Status.DONE
    assert len(mobile_money.disbursements()) == 1
    assert {
        p.headers["X-Reference-Id"]
        for p in mobile_money.requests_to("POST", "/disbursement/v1_0/refund")
    } == {str(refund.reference)}


def test_trying_again_an_orange_refund_says_to_record_it_by_hand(client, waiting, orders_moderator):
    before = state(waiting.payment.order)
    client.force_login(orders_moderator)

    page = client.post(detail(waiting), {"action": "retry"})

    assert page.status_code == 400
    assert "à la main" in page.content.decode()
    assert state(waiting.payment.order) == before
