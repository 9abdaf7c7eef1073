"""PDF receipts and "My orders": the buyer (or a moderator) only, paid orders only."""

import subprocess
import tempfile

import pytest

from checkout import refunds, services
from checkout.models import Coupon

from .conftest import buy_course

pytestmark = pytest.mark.django_db


def receipt_url(order, language="fr"):
    return f"/{language}/account/orders/receipt/{order.number}.pdf"


def pdf_text(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(content)
        pdf.flush()
        done = subprocess.run(
            ["pdftotext", "-layout", pdf.name, "-"], capture_output=True, check=True, text=True
        )
    return done.stdout


def test_buyer_downloads_a_pdf_receipt_in_french(client, sales_site):
    Coupon.objects.create(code="BIENVENUE", kind=Coupon.Kind.PERCENT, value=10)
    order = buy_course(sales_site["nadia"], sales_site["braids"], coupon_code="bienvenue")
    client.force_login(sales_site["nadia"])

    response = client.get(receipt_url(order))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "private" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert order.number in text
    assert "Nadia Mbarga" in text and "Tresses africaines" in text
    for amount in ("5 000 FCFA", "500 FCFA", "4 500 FCFA"):
        assert amount in text.replace("\xa0", " ").replace("\u202f", " ")
    assert "BIENVENUE" in text
    assert str(order.payments.get().provider_reference) in text


def test_receipt_is_in_the_buyers_language_and_shows_a_refund(
    client, sales_site, orders_moderator, django_capture_on_commit_callbacks
):
    john = sales_site["john"]
    order = buy_course(john, sales_site["nails"])
    refunds.refund_payment(
        payment=order.payments.get(), amount_xaf=3000, reason="Geste", requested_by=None
    )
    client.force_login(john)

    # The buyer's language decides, not the URL's.
    response = client.get(receipt_url(order, "fr"))

    text = pdf_text(response.content)
    assert "Receipt" in text and "Amount paid" in text and "Refunded to you" in text
    assert "FCFA 8,000" in text and "FCFA 3,000" in text


def test_moderator_may_open_any_receipt(client, sales_site, orders_moderator):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(orders_moderator)

    response = client.get(receipt_url(order))

    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_other_people_get_a_404(client, sales_site):
    order = buy_course(sales_site["nadia"], sales_site["braids"])

    client.force_login(sales_site["john"])
    other_student = client.get(receipt_url(order))
    client.force_login(sales_site["awa"])
    the_instructor = client.get(receipt_url(order))

    assert other_student.status_code == 404
    assert the_instructor.status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, sales_site):
    order = buy_course(sales_site["nadia"], sales_site["braids"])

    response = client.get(receipt_url(order))
    orders = client.get("/fr/account/orders/")

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert orders.status_code == 302 and "/accounts/login/" in orders.url


def test_an_unpaid_order_has_no_receipt(client, sales_site):
    order = services.create_order(
        user=sales_site["nadia"], item_type="course", item_id=sales_site["braids"].pk
    )
    client.force_login(sales_site["nadia"])

    assert client.get(receipt_url(order)).status_code == 404
    assert client.get("/fr/account/orders/receipt/BSA-000000-NOPE.pdf").status_code == 404


def test_my_orders_lists_only_my_orders_with_receipt_links(client, sales_site):
    paid = buy_course(sales_site["nadia"], sales_site["braids"])
    pending = services.create_order(
        user=sales_site["nadia"], item_type="course", item_id=sales_site["nails"].pk
    )
    someone_else = buy_course(sales_site["john"], sales_site["nails"])
    client.force_login(sales_site["nadia"])

    page = client.get("/fr/account/orders/").content.decode()

    assert paid.number in page and pending.number in page
    assert someone_else.number not in page
    assert f'href="{receipt_url(paid)}"' in page
    assert receipt_url(pending) not in page
    assert "5\xa0000\xa0FCFA" in page
