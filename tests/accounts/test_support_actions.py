"""Support's actions on a person's page: each asks for a reason, shows what it will do,
is done only once confirmed (POST with the CSRF token), and is written to the support
log with who, when, why and on what. Bad input gets a clear error and changes nothing."""

import pytest
from django.contrib.messages import SUCCESS, get_messages
from django.core import mail
from django.test import Client

from accounts.models import SupportAction
from booking.models import Booking
from certificates.models import Certificate
from checkout.models import Order, Refund
from enrolment.models import Enrolment

from ..conftest import PASSWORD, logs_in
from .conftest import give_history

pytestmark = pytest.mark.django_db


def url(person, action, target):
    return f"/admin/support/{person.pk}/{action}/{target}/"


def act(client, person, action, target, capture, *, reason="Demande au téléphone", **extra):
    """As a moderator does it: the form, then the confirmation. Returns (first answer,
    final answer); the final one is None when the first step refused."""
    data = {"reason": reason, **{f"extra-{name}": value for name, value in extra.items()}}
    with capture(execute=True):
        asked = client.post(url(person, action, target), data)
        if asked.status_code != 200:
            return asked, None
        return asked, client.post(url(person, action, target), {**data, "confirm": "1"})


def succeeded(response):
    return [str(m.message) for m in get_messages(response.wsgi_request) if m.level == SUCCESS]


def logged(action):
    return SupportAction.objects.get(action=action)


@pytest.fixture
def history(support_site, django_capture_on_commit_callbacks):
    nadia = support_site["nadia"]
    order = give_history(support_site, nadia, 1, django_capture_on_commit_callbacks)[0]
    mail.outbox.clear()
    return {
        "nadia": nadia,
        "order": order,
        "payment": order.payments.get(),
        "certificate": Certificate.objects.get(user=nadia),
        "booking": nadia.bookings.get(),
    }


def test_enrol_by_hand_asks_the_reason_then_confirmation_and_logs_it(
    client, support_site, moderator, django_capture_on_commit_callbacks
):
    nadia, course = support_site["nadia"], support_site["courses"][3]
    client.force_login(moderator)

    form = client.get(url(nadia, "enrol", "course"))
    asked, done = act(
        client, nadia, "enrol", "course", django_capture_on_commit_callbacks, course=course.pk
    )

    assert form.status_code == 200 and 'name="reason"' in form.content.decode()
    assert asked.status_code == 200 and 'name="confirm" value="1"' in asked.content.decode()
    assert course.title in asked.content.decode()
    assert done.status_code == 302 and done["Location"] == f"/admin/support/{nadia.pk}/"
    assert succeeded(done)
    enrolment = Enrolment.objects.get(user=nadia, course=course)
    assert (enrolment.status, enrolment.source) == ("active", Enrolment.Source.MANUAL)
    entry = logged("enrol")
    assert (entry.by, entry.person, entry.reason) == (moderator, nadia, "Demande au téléphone")
    assert entry.target == course.title and entry.at is not None


def test_nothing_is_done_before_the_confirmation(
    client, support_site, moderator, django_capture_on_commit_callbacks
):
    nadia, course = support_site["nadia"], support_site["courses"][3]
    client.force_login(moderator)

    asked = client.post(
        url(nadia, "enrol", "course"), {"reason": "Geste", "extra-course": course.pk}
    )

    assert asked.status_code == 200
    assert not Enrolment.objects.filter(user=nadia).exists()
    assert not SupportAction.objects.exists()


def test_an_action_without_a_reason_is_refused_and_changes_nothing(
    client, support_site, moderator, django_capture_on_commit_callbacks
):
    nadia, course = support_site["nadia"], support_site["courses"][3]
    client.force_login(moderator)

    for reason in ("", "   "):
        response = client.post(
            url(nadia, "enrol", "course"),
            {"reason": reason, "extra-course": course.pk, "confirm": "1"},
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "Indiquez la raison" in page or "Give the reason" in page

    assert not Enrolment.objects.filter(user=nadia).exists()
    assert not SupportAction.objects.exists()


def test_enrolling_someone_already_enrolled_says_so(
    client, support_site, moderator, history, django_capture_on_commit_callbacks
):
    nadia, course = history["nadia"], support_site["courses"][0]
    Enrolment.objects.filter(user=nadia).update(status=Enrolment.Status.ACTIVE)
    client.force_login(moderator)

    asked, done = act(
        client, nadia, "enrol", "course", django_capture_on_commit_callbacks, course=course.pk
    )

    assert asked.status_code == 200
    assert done.status_code == 400
    assert course.title in done.content.decode()
    assert Enrolment.objects.get(user=nadia, course=course).source == Enrolment.Source.PURCHASE
    assert not SupportAction.objects.exists()


def test_resend_a_receipt(client, moderator, history, django_capture_on_commit_callbacks):
    nadia, order = history["nadia"], history["order"]
    client.force_login(moderator)

    _asked, done = act(
        client, nadia, "resend_receipt", order.number, django_capture_on_commit_callbacks
    )

    assert done.status_code == 302
    assert [message.to for message in mail.outbox] == [[nadia.email]]
    assert order.number in mail.outbox[0].subject
    assert order.number in logged("resend_receipt").target


def test_refund_through_checkout_and_log_it(
    client, moderator, history, django_capture_on_commit_callbacks
):
    nadia, order, payment = history["nadia"], history["order"], history["payment"]
    client.force_login(moderator)

    asked, done = act(
        client, nadia, "refund", payment.pk, django_capture_on_commit_callbacks, amount_xaf=2000
    )

    order.refresh_from_db()
    assert asked.status_code == 200 and "2\xa0000\xa0FCFA" in asked.content.decode()
    assert done.status_code == 302
    refund = Refund.objects.get()
    assert (refund.status, refund.amount_xaf, refund.requested_by) == (
        Refund.Status.DONE,
        2000,
        moderator,
    )
    assert refund.reason == "Demande au téléphone"
    assert (order.status, order.refunded_xaf) == (Order.Status.PARTLY_REFUNDED, 2000)
    assert order.number in logged("refund").target


def test_a_refund_larger_than_what_is_left_is_refused_and_changes_nothing(
    client, moderator, history, django_capture_on_commit_callbacks
):
    nadia, order, payment = history["nadia"], history["order"], history["payment"]
    client.force_login(moderator)
    act(client, nadia, "refund", payment.pk, django_capture_on_commit_callbacks, amount_xaf=2000)
    order.refresh_from_db()
    before = (order.status, order.refunded_xaf, Refund.objects.count(), len(mail.outbox))

    asked, done = act(
        client, nadia, "refund", payment.pk, django_capture_on_commit_callbacks, amount_xaf=3001
    )
    forced = client.post(
        url(nadia, "refund", payment.pk),
        {"reason": "Encore", "extra-amount_xaf": 3001, "confirm": "1"},
    )

    order.refresh_from_db()
    assert done is None and asked.status_code == 400
    assert "3000" in asked.content.decode()
    assert forced.status_code == 400 and "3000" in forced.content.decode()
    assert (order.status, order.refunded_xaf, Refund.objects.count(), len(mail.outbox)) == before
    assert SupportAction.objects.filter(action="refund").count() == 1


def test_unlock_a_login_lockout(
    client, support_site, moderator, django_capture_on_commit_callbacks
):
    nadia = support_site["nadia"]
    phone = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(5):
        phone.post("/fr/accounts/login/", {"login": nadia.email, "password": "faux"})
    assert not logs_in(phone, nadia.email, PASSWORD)
    client.force_login(moderator)

    _asked, done = act(client, nadia, "unlock", "all", django_capture_on_commit_callbacks)

    assert done.status_code == 302
    assert logs_in(Client(REMOTE_ADDR="10.0.0.5"), nadia.email, PASSWORD)
    assert "10.0.0.5" in logged("unlock").target


def test_unlock_with_no_lockout_is_not_found(client, support_site, moderator):
    client.force_login(moderator)

    response = client.get(url(support_site["nadia"], "unlock", "all"))

    assert response.status_code == 404


def test_cancel_a_booking_refunds_the_whole_deposit(
    client, moderator, history, django_capture_on_commit_callbacks
):
    nadia, booking = history["nadia"], history["booking"]
    client.force_login(moderator)

    asked, done = act(
        client, nadia, "cancel_booking", booking.reference, django_capture_on_commit_callbacks
    )

    booking.refresh_from_db()
    assert asked.status_code == 200 and "2\xa0000\xa0FCFA" in asked.content.decode()
    assert done.status_code == 302
    assert booking.status == Booking.Status.CANCELLED
    assert booking.cancelled_by == Booking.CancelledBy.ACADEMY
    assert booking.refund_due_xaf == 2000 and booking.refunded_at is not None
    assert logged("cancel_booking").person == nadia


def test_a_cancelled_booking_cannot_be_cancelled_again(
    client, moderator, history, django_capture_on_commit_callbacks
):
    nadia, booking = history["nadia"], history["booking"]
    client.force_login(moderator)
    act(client, nadia, "cancel_booking", booking.reference, django_capture_on_commit_callbacks)

    asked, done = act(
        client, nadia, "cancel_booking", booking.reference, django_capture_on_commit_callbacks
    )

    assert done is None and asked.status_code == 400
    assert SupportAction.objects.filter(action="cancel_booking").count() == 1


def test_resend_and_revoke_a_certificate(
    client, moderator, history, django_capture_on_commit_callbacks
):
    nadia, certificate = history["nadia"], history["certificate"]
    client.force_login(moderator)

    _asked, resent = act(
        client, nadia, "resend_certificate", certificate.code, django_capture_on_commit_callbacks
    )
    sent = len(mail.outbox)
    _asked, revoked = act(
        client,
        nadia,
        "revoke_certificate",
        certificate.code,
        django_capture_on_commit_callbacks,
        reason="Plagiat du travail pratique",
    )
    again, _done = act(
        client, nadia, "revoke_certificate", certificate.code, django_capture_on_commit_callbacks
    )

    certificate.refresh_from_db()
    assert resent.status_code == 302 and sent == 1 and nadia.email in mail.outbox[0].to
    assert revoked.status_code == 302
    assert certificate.revocation_reason == "Plagiat du travail pratique"
    assert certificate.revoked_by == moderator
    assert again.status_code == 400
    assert SupportAction.objects.filter(action="revoke_certificate").count() == 1


def test_someone_elses_things_are_not_found(
    client, support_site, moderator, history, django_capture_on_commit_callbacks
):
    paul = support_site["paul"]
    client.force_login(moderator)

    for action, target in [
        ("refund", history["payment"].pk),
        ("resend_receipt", history["order"].number),
        ("cancel_booking", history["booking"].reference),
        ("revoke_certificate", history["certificate"].code),
        ("cancel_booking", "not-a-uuid"),
        ("nothing", "1"),
    ]:
        assert client.get(url(paul, action, target)).status_code == 404, action


def test_actions_need_the_csrf_token(client, support_site, moderator):
    nadia, course = support_site["nadia"], support_site["courses"][3]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)

    response = browser.post(
        url(nadia, "enrol", "course"), {"reason": "x", "extra-course": course.pk, "confirm": "1"}
    )

    assert response.status_code == 403
    assert not Enrolment.objects.filter(user=nadia).exists()
