"""Payments by code: the student pays the academy's merchant number by USSD with a
single-use code and types the operator's transaction id; a moderator confirms it (or an
operator statement does) and the order is paid through the same exactly-once path."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from checkout import manual_codes, services
from checkout.models import LedgerTransaction, ManualPayment, Order, Payment
from notifications.models import Notification

from ..conftest import make_person

pytestmark = pytest.mark.django_db

CLAIMS = "/admin/payments-by-code/"
STATEMENT = "/admin/payments-by-code/statement/"


@pytest.fixture
def buyer(mobile_money_buyer, recording_fulfiller, manual_codes_on):
    return mobile_money_buyer


def code_for(user, item_id="1"):
    order = services.create_order(user=user, item_type="test-item", item_id=item_id)
    payment = services.start_payment(order=order, provider_name="manual")
    return ManualPayment.objects.get(payment=payment)


def page(client, manual, lang="fr"):
    return client.get(f"/{lang}/checkout/code/{manual.payment.reference}/")


def state(manual):
    """What a claim or a decision changes: checked unchanged after each refused one."""
    manual.refresh_from_db()
    payment = Payment.objects.get(pk=manual.payment_id)
    order = Order.objects.get(pk=manual.order_id)
    return {
        "claim": (manual.state, manual.transaction_id, manual.decided_by_id),
        "payment": payment.status,
        "order": order.status,
        "sales": LedgerTransaction.objects.filter(kind="sale", order=order).count(),
    }


def test_the_student_sees_the_merchant_number_the_amount_and_a_short_code(client, buyer):
    manual = code_for(buyer)
    client.force_login(buyer)

    html = page(client, manual).content.decode()

    assert "+237 6 99 00 00 00" in html and manual.code in html and "5\u00a0000\u00a0FCFA" in html
    assert "Envoyez" in html and "identifiant de transaction" in html.lower()
    assert len(manual.code) == 6 and manual.payment.expires_at == manual.expires_at
    assert manual.expires_at - timezone.now() > timedelta(hours=23)


def test_choosing_pay_by_code_on_the_pay_form_leads_to_the_code_page(client, buyer):
    client.force_login(buyer)
    form = client.get("/fr/checkout/buy/test-item/1/").content.decode()
    assert 'value="manual"' in form
    token = form.split('name="token" value="')[1].split('"')[0]

    answer = client.post(
        "/fr/checkout/buy/test-item/1/", {"token": token, "method": "manual", "phone": ""}
    )

    manual = ManualPayment.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"/fr/checkout/code/{manual.payment.reference}/"


def test_a_claim_confirmed_by_a_moderator_pays_the_order_once(
    client, buyer, moderator, recording_fulfiller
):
    manual = code_for(buyer)
    client.force_login(buyer)
    client.post(
        f"/fr/checkout/code/{manual.payment.reference}/",
        {"transaction_id": " mp240101.1234.a12345 ", "payer_phone": "677123456"},
    )
    manual.refresh_from_db()
    assert manual.state == "claimed" and manual.transaction_id == "MP240101.1234.A12345"
    assert "Nous avons bien reçu" in page(client, manual).content.decode()

    client.force_login(moderator)
    listing = client.get(CLAIMS).content.decode()
    assert "MP240101.1234.A12345" in listing and manual.code in listing
    client.post(CLAIMS, {"pk": manual.pk, "action": "confirm"})
    again = client.post(CLAIMS, {"pk": manual.pk, "action": "confirm"})

    assert state(manual) == {
        "claim": ("confirmed", "MP240101.1234.A12345", moderator.pk),
        "payment": "paid",
        "order": "paid",
        "sales": 1,
    }
    assert again.status_code == 400 and recording_fulfiller.paid == [manual.order_id]
    client.force_login(buyer)
    assert page(client, manual).status_code == 200


def test_a_transaction_id_claimed_twice_is_refused_and_changes_nothing(client, buyer):
    first = code_for(buyer)
    other_buyer = make_person("autre.eleve@example.cm", is_student=True)
    second = code_for(other_buyer)
    manual_codes.claim(manual=first, user=buyer, transaction_id="7845120369")
    before = state(second)
    client.force_login(other_buyer)

    answer = client.post(
        f"/fr/checkout/code/{second.payment.reference}/", {"transaction_id": "7845 120 369"}
    )

    assert answer.status_code == 400
    assert "Cet identifiant de transaction a déjà été utilisé" in answer.content.decode()
    assert state(second) == before and before["claim"][0] == "issued"


def test_a_code_after_expiry_is_refused_and_changes_nothing(client, buyer):
    manual = code_for(buyer)
    ManualPayment.objects.filter(pk=manual.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    before = state(manual)
    client.force_login(buyer)

    answer = client.post(
        f"/en/checkout/code/{manual.payment.reference}/", {"transaction_id": "7845120369"}
    )

    assert answer.status_code == 400 and "This code has expired" in answer.content.decode()
    assert state(manual) == before
    assert not ManualPayment.objects.filter(transaction_id="7845120369").exists()


def test_a_rejected_claim_tells_the_student_why_and_a_reason_is_required(
    client, buyer, moderator, recording_fulfiller, django_capture_on_commit_callbacks
):
    manual = code_for(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        manual_codes.claim(manual=manual, user=buyer, transaction_id="7845120369")
    told = Notification.objects.get(user=moderator, kind="payment_by_code_waiting")
    assert "7845120369" in told.body and told.url == CLAIMS
    client.force_login(moderator)
    before = state(manual)

    no_reason = client.post(CLAIMS, {"pk": manual.pk, "action": "reject", "reason": ""})
    assert no_reason.status_code == 400 and state(manual) == before
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CLAIMS, {"pk": manual.pk, "action": "reject", "reason": "Aucun transfert reçu"})

    assert state(manual)["claim"][0] == "rejected" and state(manual)["payment"] == "failed"
    assert not recording_fulfiller.paid
    notice = Notification.objects.get(user=buyer, kind="payment_by_code_rejected")
    assert "Aucun transfert reçu" in notice.body
    client.force_login(buyer)
    assert "Aucun transfert reçu" in page(client, manual).content.decode()


def test_only_moderators_see_and_decide_claims(client, buyer, student, instructor):
    manual = code_for(buyer)
    manual_codes.claim(manual=manual, user=buyer, transaction_id="7845120369")
    before = state(manual)

    client.force_login(student)
    refused = [client.get(CLAIMS), client.post(CLAIMS, {"pk": manual.pk, "action": "confirm"})]
    client.force_login(instructor)
    refused += [
        client.get(CLAIMS),
        client.post(CLAIMS, {"pk": manual.pk, "action": "confirm"}),
        client.get(STATEMENT),
    ]

    # No admin access: the login page. Admin access without the right: Wagtail turns
    # the PermissionDenied into a redirect to the dashboard.
    assert [answer.status_code for answer in refused] == [302] * 5
    assert refused[0]["Location"].startswith("/admin/login/")
    assert {answer["Location"] for answer in refused[2:]} == {"/admin/"}
    assert state(manual) == before


def test_typing_transaction_ids_is_rate_limited(client, buyer, settings):
    settings.RATELIMIT_MANUAL_CLAIMS = "2/h"
    manual = code_for(buyer)
    client.force_login(buyer)
    url = f"/fr/checkout/code/{manual.payment.reference}/"

    answers = [client.post(url, {"transaction_id": "x"}).status_code for _ in range(3)]

    assert answers == [400, 400, 429]


def test_another_persons_code_page_is_not_found(client, buyer, student):
    manual = code_for(buyer)
    client.force_login(student)

    assert page(client, manual).status_code == 404


def test_an_operator_statement_confirms_what_it_shows_paid_and_reports_the_rest(
    client, buyer, moderator, recording_fulfiller
):
    paid_in_full = code_for(buyer, item_id="1")
    short_paid = code_for(make_person("b@example.cm", is_student=True), item_id="2")
    confirmed_before = code_for(make_person("c@example.cm", is_student=True), item_id="3")
    manual_codes.claim(manual=paid_in_full, user=buyer, transaction_id="MP1000000001")
    manual_codes.claim(manual=short_paid, user=short_paid.order.user, transaction_id="MP1000000002")
    manual_codes.claim(
        manual=confirmed_before, user=confirmed_before.order.user, transaction_id="MP1000000003"
    )
    manual_codes.confirm(manual=confirmed_before, by=moderator)
    short_before = state(short_paid)
    statement = (
        "Date;Référence;Montant;Expéditeur\n"
        "01/12/2026;MP1000000001;5 000;677123456\n"
        "01/12/2026;MP1000000002;4000;677000002\n"
        "01/12/2026;MP1000000003;5000;677000003\n"
        "01/12/2026;MP1000000009;5000;677000009\n"
        "01/12/2026;;;\n"
        "01/12/2026;??;abc;\n"
    ).encode()
    client.force_login(moderator)

    answer = client.post(
        STATEMENT, {"statement": SimpleUploadedFile("releve.csv", statement, "text/csv")}
    )

    html = answer.content.decode()
    assert answer.status_code == 200
    assert state(paid_in_full)["order"] == "paid" and state(paid_in_full)["claim"][0] == "confirmed"
    assert state(short_paid) == short_before  # amount mismatch: nothing changed
    assert "MP1000000002" in html and "4000" in html
    assert sorted(recording_fulfiller.paid) == sorted(
        [paid_in_full.order_id, confirmed_before.order_id]
    )
    report = manual_codes.import_statement(data=statement, by=moderator)
    assert (len(report.matched), len(report.unmatched), len(report.already_claimed)) == (0, 1, 2)
    assert len(report.amount_mismatch) == 1 and len(report.errors) == 2


def test_a_statement_without_the_needed_columns_is_refused(client, moderator, buyer):
    client.force_login(moderator)
    answer = client.post(
        STATEMENT, {"statement": SimpleUploadedFile("x.csv", b"a,b\n1,2\n", "text/csv")}
    )

    assert answer.status_code == 400
    assert "colonne d&#x27;identifiant de transaction" in answer.content.decode()
    assert not ManualPayment.objects.exclude(state="issued").exists()


def test_the_demos_payment_by_code_waits_for_a_moderator(client, buyer, moderator):
    from demo.living_payments import waiting_for_confirmation

    manual = waiting_for_confirmation(
        user=buyer, item_type="test-item", item_id="1", transaction_id="MP261201.1043.B77421"
    )
    client.force_login(moderator)

    assert manual.state == "claimed" and manual.order.status == "pending"
    assert "MP261201.1043.B77421" in client.get(CLAIMS).content.decode()
