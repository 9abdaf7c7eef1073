"""Paid live sessions through checkout, from the outside: buying a place with the
sandbox phone, a replayed payment callback, a payment that comes when no place is left,
the refund policy on both sides of its limit, the host cancelling for everyone, a
provider that refuses refunds, and every purchase that must be refused."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import translation

from accounts.models import User
from checkout import services
from checkout.models import LedgerLine, Order, Payment, PaymentEvent, Refund, SandboxCharge
from checkout.providers import get_provider
from checkout.providers.sandbox import SandboxProvider
from checkout.purchasables import fulfiller_for
from checkout.refunds import MAX_POLLS, check_refund, refund_payment
from live import registration, scheduling
from live.errors import InvalidInput
from live.models import PlaceRefund, Registration
from notifications.models import Notification

from .conftest import enrolled_student, make_session, shows, soon

PRICE = 2000
MANUAL_PHONE = "670000099"  # waits for Approve on the sandbox phone


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _paid(people, **fields):
    fields.setdefault("price_xaf", PRICE)
    return make_session(people, "class", **fields)


def buy_url(session):
    return f"/fr/checkout/buy/live_session/{session.pk}/"


def buy_through_pages(client, session):
    """The pay form, then Approve on the sandbox phone: the way a person pays."""
    form = client.get(buy_url(session))
    token = re.search(r'name="token" value="([0-9a-f-]+)"', form.content.decode()).group(1)
    started = client.post(
        buy_url(session),
        {"token": token, "method": "sandbox", "phone": MANUAL_PHONE, "coupon": ""},
    )
    payment = Payment.objects.get(order__user_id=client.session["_auth_user_id"], status="pending")
    client.post(f"/fr/checkout/sandbox-phone/{payment.reference}/", {"answer": "approve"})
    return form, started, payment


def pay(user, session):
    """An order paid through the sandbox, as the status check brings the news."""
    order = services.create_order(user=user, item_type="live_session", item_id=session.pk)
    return pay_order(order)


def pay_order(order):
    payment = services.start_payment(order=order, provider_name="sandbox", phone=MANUAL_PHONE)
    SandboxCharge.objects.filter(reference=payment.reference).update(
        status=SandboxCharge.Status.APPROVED
    )
    services.poll_payment(payment=payment)
    order.refresh_from_db()
    return order


def charge_of(order):
    return SandboxCharge.objects.get(reference=order.payments.get(status="paid").reference)


def test_a_student_pays_with_the_sandbox_phone_and_gets_her_place_once(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people, capacity=5)
    student = _as(people["founder"])
    page = student.get(f"/fr/live/{session.pk}/")
    assert shows(page, "Payer 2\u00a0000\u00a0FCFA et s'inscrire") and shows(page, buy_url(session))
    listed = _as(people["stranger"]).get("/en/live/")
    assert shows(listed, "FCFA\u00a02,000 · 5 places left")

    with django_capture_on_commit_callbacks(execute=True):
        form, started, payment = buy_through_pages(student, session)
    assert shows(form, "Tresses en direct") and started.status_code == 302

    mine = Registration.objects.get(user=people["founder"])
    order = Order.objects.get()
    assert mine.status == "registered" and mine.order == order
    assert order.status == "paid" and order.item_type == "live_session"
    assert order.payee == people["teacher"] and order.payee_percent == 70
    lines = dict(LedgerLine.objects.values_list("account", "amount_xaf"))
    assert lines == {"provider_clearing": 2000, "payee_payable": -1400, "platform_revenue": -600}
    assert Notification.objects.filter(user=people["founder"], kind="live_registered").count() == 1
    after = student.get(f"/fr/checkout/payment/{payment.reference}/", follow=True)
    assert after.redirect_chain[-1][0] == f"/fr/live/{session.pk}/"
    assert shows(after, "Vous êtes inscrite")

    # The provider's callback replayed, a status check, the fulfiller called again.
    with django_capture_on_commit_callbacks(execute=True):
        result = get_provider("sandbox").poll(payment)
        services.apply_status(
            payment_id=payment.pk, result=result, source=PaymentEvent.Source.WEBHOOK
        )
        student.post(f"/fr/checkout/sandbox-phone/{payment.reference}/", {"answer": "approve"})
        fulfiller_for("live_session").on_paid(order=order)
    assert Registration.objects.filter(session=session, status="registered").count() == 1
    assert Notification.objects.filter(user=people["founder"], kind="live_registered").count() == 1
    assert LedgerLine.objects.count() == 3 and not PlaceRefund.objects.exists()


def _started(people, session):
    from .conftest import start_now

    start_now(session, minutes_ago=5)


def _cancelled(people, session):
    scheduling.cancel_session(by=people["teacher"], session=session)


def _full(people, session):
    registration.Registration.objects.create(
        session=session,
        user=enrolled_student(people, "place.prise@example.cm"),
        status="registered",
        queued_at=soon(),
        registered_at=soon(),
    )


def _bought(people, session):
    pay(people["founder"], session)


@pytest.mark.parametrize(
    "price, prepare, buyer, message",
    [
        (0, None, "founder", "Cette séance est gratuite\u00a0: inscrivez-vous depuis sa page."),
        (PRICE, _full, "founder", "Cette séance est complète\u00a0: il ne reste aucune place"),
        (PRICE, _started, "founder", "Cette séance a commencé\u00a0: les inscriptions sont"),
        (PRICE, _cancelled, "founder", "Cette séance est annulée\u00a0: les inscriptions sont"),
        (PRICE, _bought, "founder", "Vous êtes déjà inscrite."),
        (PRICE, None, "stranger", "Inscrivez-vous d'abord à la formation."),
    ],
    ids=["free", "full", "started", "cancelled", "twice", "not enrolled"],
)
def test_a_purchase_that_cannot_be_is_refused_clearly_and_changes_nothing(
    people, price, prepare, buyer, message
):
    session = _paid(people, price_xaf=price, capacity=1)
    if prepare:
        prepare(people, session)
    orders = list(Order.objects.values_list("pk", "status"))
    places = list(Registration.objects.values_list("pk", "status", "order"))
    client = _as(people[buyer])

    shown = client.get(buy_url(session))
    posted = client.post(buy_url(session), {"method": "sandbox", "phone": MANUAL_PHONE})

    for response in (shown, posted):
        assert response.status_code == 409 and shows(response, message)
    assert list(Order.objects.values_list("pk", "status")) == orders
    assert list(Registration.objects.values_list("pk", "status", "order")) == places


@pytest.mark.parametrize("item_id", ["999999", "abc", "0", "-1"])
def test_a_session_that_does_not_exist_is_not_for_sale(people, item_id):
    response = _as(people["founder"]).get(f"/fr/checkout/buy/live_session/{item_id}/")
    assert response.status_code == 409
    assert shows(response, "Cette séance en direct n'existe pas.")
    assert not Order.objects.exists()


def test_a_payment_that_comes_when_the_last_place_is_gone_goes_back_by_itself(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people, capacity=1)
    late = enrolled_student(people, "tardive@example.cm", preferred_language=User.Language.ENGLISH)
    # Both open their order while the place is free; the first payment takes it.
    late_order = services.create_order(user=late, item_type="live_session", item_id=session.pk)
    with django_capture_on_commit_callbacks(execute=True):
        pay(people["founder"], session)
        pay_order(late_order)

    late_order.refresh_from_db()
    assert Registration.objects.get(session=session, status="registered").user == people["founder"]
    assert not Registration.objects.filter(user=late).exists()
    assert late_order.status == "refunded" and late_order.refunded_xaf == PRICE
    assert charge_of(late_order).refunded_xaf == PRICE
    refund = PlaceRefund.objects.get(order=late_order)
    assert refund.reason == "place_gone" and refund.refunded_at is not None
    told = Notification.objects.get(user=late, kind="live_place_gone")
    assert told.title.startswith("No place for you: Live braids")
    assert "giving back all of it, FCFA\u00a02,000" in told.body
    assert Notification.objects.filter(user=late, kind="refund_sent").exists()


def test_cancelling_before_the_refund_limit_gives_all_of_it_back(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people, starts_at=soon(days=3), refund_hours=24)
    with django_capture_on_commit_callbacks(execute=True):
        order = pay(people["founder"], session)
    client = _as(people["founder"])
    page = client.get(f"/fr/live/{session.pk}/")
    assert shows(page, "et vous récupérez tout, 2\u00a0000\u00a0FCFA.")

    confirm = client.get(f"/fr/live/{session.pk}/cancel/")
    assert shows(confirm, "Vous récupérez tout\u00a0: 2\u00a0000\u00a0FCFA.")
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/fr/live/{session.pk}/cancel/", {"expect_refund": "1"}, follow=True)

    order.refresh_from_db()
    assert shows(done, "Votre place est annulée. Nous vous rendons 2\u00a0000\u00a0FCFA")
    assert Registration.objects.get(user=people["founder"]).status == "cancelled"
    assert order.status == "refunded" and charge_of(order).refunded_xaf == PRICE
    assert PlaceRefund.objects.get(order=order).reason == "cancelled_in_time"
    # A second tap on the confirmation changes nothing.
    again = client.post(f"/fr/live/{session.pk}/cancel/", {"expect_refund": "1"})
    assert again.status_code == 400 and Refund.objects.count() == 1


def test_cancelling_after_the_limit_refunds_nothing_and_the_page_says_so_first(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people, starts_at=soon(hours=10), refund_hours=24)
    order = pay(people["founder"], session)
    client = _as(people["founder"])

    page = client.get(f"/fr/live/{session.pk}/")
    confirm = client.get(f"/fr/live/{session.pk}/cancel/")
    assert shows(page, "Le délai de remboursement est passé\u00a0: si vous annulez maintenant")
    assert shows(confirm, "annuler maintenant ne rembourse rien.")
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/fr/live/{session.pk}/cancel/", {"expect_refund": "0"}, follow=True)

    order.refresh_from_db()
    assert shows(done, "Votre place est annulée. Le délai de remboursement était passé")
    assert Registration.objects.get(user=people["founder"]).status == "cancelled"
    assert order.status == "paid" and order.refunded_xaf == 0
    assert not PlaceRefund.objects.exists() and not Refund.objects.exists()


def test_a_limit_that_passed_while_the_person_decided_keeps_the_place(people):
    session = _paid(people, starts_at=soon(hours=10), refund_hours=24)
    order = pay(people["founder"], session)

    # The confirmation page promised a refund; the limit passed before the tap.
    refused = _as(people["founder"]).post(f"/fr/live/{session.pk}/cancel/", {"expect_refund": "1"})

    assert refused.status_code == 400
    assert shows(refused, "Le délai de remboursement est passé pendant que vous décidiez")
    assert Registration.objects.get(user=people["founder"]).status == "registered"
    order.refresh_from_db()
    assert order.status == "paid" and not PlaceRefund.objects.exists()


def test_the_host_cancelling_refunds_everyone_who_paid_and_tells_them(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people, starts_at=soon(hours=10), refund_hours=24)
    english = enrolled_student(people, "paid.en@example.cm", preferred_language="en")
    late = enrolled_student(people, "annule.tard@example.cm")
    with django_capture_on_commit_callbacks(execute=True):
        orders = [pay(person, session) for person in (people["founder"], english, late)]
        registration.cancel(user=late, session=session)  # too late for a refund
    assert Order.objects.get(pk=orders[2].pk).status == "paid"

    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel_session(by=people["teacher"], session=session)
    with pytest.raises(InvalidInput):
        scheduling.cancel_session(by=people["teacher"], session=session)

    for order in orders:
        order.refresh_from_db()
        assert order.status == "refunded" and charge_of(order).refunded_xaf == PRICE
    assert set(PlaceRefund.objects.values_list("reason", flat=True)) == {"session_cancelled"}
    french = Notification.objects.get(user=people["founder"], kind="live_cancelled")
    assert "nous vous rendons tout, 2\u00a0000\u00a0FCFA." in french.body
    told = Notification.objects.get(user=english, kind="live_cancelled")
    assert told.title.startswith("Cancelled: Live braids")
    assert "we are giving back all of it, FCFA\u00a02,000." in told.body
    assert Notification.objects.filter(user=late, kind="live_cancelled").count() == 1

    # The refund jobs delivered twice pay nobody twice.
    from live.tasks import refund_place

    for refund in PlaceRefund.objects.all():
        assert refund_place.delay(refund.pk).get() == "already handled"
    assert Refund.objects.filter(status="done").count() == 3


def test_a_refund_the_provider_cannot_make_now_is_asked_again_then_left_to_staff(
    people, monkeypatch, django_capture_on_commit_callbacks
):
    session = _paid(people, starts_at=soon(days=3))
    order = pay(people["founder"], session)
    answers = iter([RuntimeError("provider down")] * 2)

    def refund_or_fail(provider, payment, amount_xaf, *, reference):
        failure = next(answers, None)
        if failure:
            raise failure
        return original(provider, payment, amount_xaf, reference=reference)

    original = SandboxProvider.refund
    monkeypatch.setattr(SandboxProvider, "refund", refund_or_fail)

    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel(user=people["founder"], session=session)
    assert Refund.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            check_refund(refund_id=Refund.objects.get().pk)
    order.refresh_from_db()
    assert order.status == "refunded" and charge_of(order).refunded_xaf == PRICE
    assert Refund.objects.get().status == "done"

    other = _paid(people, starts_at=soon(days=4), title_fr="Chignons", title_en="Buns")
    second = pay(people["founder"], other)
    monkeypatch.setattr(SandboxProvider, "refund", lambda *args, **kwargs: 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.cancel_session(by=people["teacher"], session=other)
    waiting = Refund.objects.get(payment__order=second)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(MAX_POLLS + 1):
            check_refund(refund_id=waiting.pk)
    second.refresh_from_db()
    waiting.refresh_from_db()
    assert waiting.status == "staff" and waiting.staff_reason
    assert second.status == "paid" and second.needs_review
    assert "refund by hand" in second.review_reason
    assert Registration.objects.get(session=other).status == "cancelled"


def test_a_moderators_full_refund_gives_the_place_up_and_a_partial_one_keeps_it(
    people, django_capture_on_commit_callbacks
):
    session = _paid(people)
    order = pay(people["founder"], session)
    payment = order.payments.get(status="paid")
    fulfiller = fulfiller_for("live_session")

    with translation.override("en"):
        assert fulfiller.refund_consequence(order=order, amount_xaf=500).startswith(
            "A partial refund"
        )
        assert fulfiller.refund_consequence(order=order, amount_xaf=PRICE).startswith(
            "A full refund cancels"
        )
    with django_capture_on_commit_callbacks(execute=True):
        refund_payment(
            payment=payment, amount_xaf=500, reason="goodwill", requested_by=people["moderator"]
        )
    assert Registration.objects.get(user=people["founder"]).status == "registered"
    with django_capture_on_commit_callbacks(execute=True):
        refund_payment(
            payment=payment, amount_xaf=1500, reason="asked", requested_by=people["moderator"]
        )
    assert Registration.objects.get(user=people["founder"]).status == "cancelled"
    order.refresh_from_db()
    assert fulfiller.refund_consequence(order=order, amount_xaf=1) == ""


def test_orders_name_the_session_in_the_readers_language(people):
    session = _paid(people)
    order = pay(people["founder"], session)
    fulfiller = fulfiller_for("live_session")

    with translation.override("en"):
        assert fulfiller.titles(orders=[order]) == {order.pk: "Live braids"}
    with translation.override("fr"):
        assert fulfiller.titles(orders=[order]) == {order.pk: "Tresses en direct"}


def test_the_host_schedules_a_paid_session_from_the_form(people):
    day = (soon(days=5) + timedelta(hours=1)).date().isoformat()
    data = {
        "kind": "class",
        "course": people["course"].pk,
        "title_fr": "Tresses payantes",
        "title_en": "Paid braids",
        "day": day,
        "time": "15:00",
        "duration_minutes": 60,
        "capacity": 10,
        "price_xaf": 3000,
        "refund_hours": 48,
    }
    done = _as(people["teacher"]).post("/fr/live/new/", data, follow=True)
    assert shows(done, "3\u00a0000\u00a0FCFA")
    session = registration.LiveSession.objects.get(title_fr="Tresses payantes")
    assert (session.price_xaf, session.refund_hours) == (3000, 48)
