"""Instructor earnings and the moderators' payout export add up to the ledger."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from checkout import ledger, refunds, reports
from checkout.models import LedgerLine, LedgerTransaction

from ..conftest import make_person
from ..course_pages.builders import make_course
from .conftest import buy_course


def backdate(transactions, when):
    """Move ledger transactions in time, as if posted then. The database refuses any
    change to the ledger (a trigger on PostgreSQL): the test lifts it for this one
    statement, inside its own transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        transactions.update(created_at=when)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


pytestmark = pytest.mark.django_db

EARNINGS = "/fr/account/orders/earnings/"


@pytest.fixture
def two_sales_and_a_partial_refund(sales_site):
    """Awa sells her course twice and refunds 2 000 FCFA of the second sale;
    Grace sells hers once."""
    first = buy_course(sales_site["nadia"], sales_site["braids"])
    second = buy_course(sales_site["john"], sales_site["braids"])
    refunds.refund_payment(
        payment=second.payments.get(), amount_xaf=2000, reason="Retard", requested_by=None
    )
    nails = buy_course(sales_site["nadia"], sales_site["nails"])
    return {"first": first, "second": second, "nails": nails}


def payouts_csv(client, start, end):
    response = client.get(f"/admin/payouts/?start={start}&end={end}")
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    return response, list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def test_earnings_add_up_per_course_and_month(sales_site, two_sales_and_a_partial_refund):
    [line] = reports.earnings_lines(payee=sales_site["awa"])

    assert line.month == timezone.localdate().replace(day=1)
    assert (line.item_type, line.item_id) == ("course", str(sales_site["braids"].pk))
    assert line.description == "Tresses africaines"
    assert (line.orders, line.earned_xaf, line.reversed_xaf, line.net_xaf) == (2, 7000, 1400, 5600)
    assert line.net_xaf == -ledger.balance(
        account=LedgerLine.Account.PAYEE_PAYABLE, payee=sales_site["awa"]
    )


def test_a_refund_counts_in_the_month_it_was_made(sales_site, two_sales_and_a_partial_refund):
    next_month = timezone.now() + timedelta(days=32)
    backdate(LedgerTransaction.objects.filter(kind=LedgerTransaction.Kind.REFUND), next_month)

    later, earlier = reports.earnings_by_month(payee=sales_site["awa"])

    assert later.month == timezone.localtime(next_month).date().replace(day=1)
    assert (later.earned_xaf, later.reversed_xaf, later.net_xaf) == (0, 1400, -1400)
    assert [line.orders for line in later.lines] == [0]
    assert (earlier.earned_xaf, earlier.reversed_xaf, earlier.net_xaf) == (7000, 0, 7000)


def test_instructor_sees_their_earnings_page(client, sales_site, two_sales_and_a_partial_refund):
    client.force_login(sales_site["awa"])

    response = client.get(EARNINGS)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tresses africaines" in page and "Ongles en gel" not in page
    for amount in ("7\xa0000\xa0FCFA", "1\xa0400\xa0FCFA", "5\xa0600\xa0FCFA"):
        assert amount in page


def test_another_instructor_sees_none_of_it(client, sales_site, two_sales_and_a_partial_refund):
    client.force_login(sales_site["grace"])

    page = client.get(EARNINGS).content.decode()

    assert "Tresses africaines" not in page and "5\xa0600\xa0FCFA" in page
    assert "Ongles en gel" in page
    assert [line.description for line in reports.earnings_lines(payee=sales_site["grace"])] == [
        "Ongles en gel"
    ]


def test_a_student_has_no_earnings(client, sales_site, two_sales_and_a_partial_refund):
    client.force_login(sales_site["nadia"])

    response = client.get(EARNINGS)

    assert response.status_code == 200
    assert "FCFA" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(EARNINGS)

    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_earnings_page_query_count_does_not_grow_with_sales(
    client, sales_site, django_assert_max_num_queries
):
    awa = sales_site["awa"]
    buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(awa)
    with CaptureQueriesContext(connection) as one_sale:
        client.get(EARNINGS)

    instructor_page = sales_site["braids"].instructor
    for number in range(3):
        course = make_course(
            sales_site["catalogue"],
            instructor_page,
            title=f"Cours {number}",
            slug=f"cours-{number}",
            price_xaf=3000 + number,
        )
        for buyer in range(2):
            student = make_person(f"eleve{number}-{buyer}@example.cm", is_student=True)
            order = buy_course(student, course)
            if buyer:
                refunds.refund_payment(
                    payment=order.payments.get(), amount_xaf=1000, reason="x", requested_by=None
                )
    backdate(
        LedgerTransaction.objects.filter(order__item_id=str(course.pk)),
        timezone.now() - timedelta(days=40),
    )

    with django_assert_max_num_queries(len(one_sale)):
        response = client.get(EARNINGS)

    page = response.content.decode()
    assert all(title in page for title in ["Tresses africaines", "Cours 0", "Cours 1", "Cours 2"])
    assert len(reports.earnings_by_month(payee=awa)) == 2


def test_payouts_csv_has_one_row_per_instructor_with_totals(
    client, sales_site, orders_moderator, two_sales_and_a_partial_refund
):
    today = timezone.localdate()
    client.force_login(orders_moderator)

    response, rows = payouts_csv(client, today - timedelta(days=1), today)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    assert "attachment" in response["Content-Disposition"]
    with translation.override("fr"):  # the admin speaks the moderator's language
        expected = [
            gettext(title)
            for title in (
                "Name",
                "E-mail",
                "Phone",
                "Period start",
                "Period end",
                "Gross sales (FCFA)",
                "Refunds (FCFA)",
                "Net payable (FCFA)",
                "Orders",
            )
        ]
    assert rows[0] == expected
    period = [str(today - timedelta(days=1)), str(today)]
    assert rows[1:] == [
        [
            "Awa Ndongo",
            "awa.tresses@example.cm",
            "+237677001122",
            *period,
            "10000",
            "2000",
            "5600",
            "2",
        ],
        ["Test Person", "grace.ongles@example.cm", "", *period, "8000", "0", "5600", "1"],
    ]
    net_total = sum(int(row[7]) for row in rows[1:])
    assert net_total == -ledger.balance(account=LedgerLine.Account.PAYEE_PAYABLE)


def test_payouts_only_count_the_period(
    client, sales_site, orders_moderator, two_sales_and_a_partial_refund
):
    backdate(
        LedgerTransaction.objects.filter(kind=LedgerTransaction.Kind.REFUND),
        timezone.now() + timedelta(days=40),
    )
    today = timezone.localdate()
    client.force_login(orders_moderator)

    _, this_period = payouts_csv(client, today, today)
    _, later = payouts_csv(client, today + timedelta(days=39), today + timedelta(days=41))
    _, empty = payouts_csv(client, today - timedelta(days=60), today - timedelta(days=30))

    assert [row[5:] for row in this_period[1:]] == [
        ["10000", "0", "7000", "2"],
        ["8000", "0", "5600", "1"],
    ]
    assert [row[5:] for row in later[1:]] == [["0", "2000", "-1400", "0"]]
    assert empty[1:] == []


def test_payouts_page_asks_for_a_period_and_refuses_a_bad_one(client, sales_site, orders_moderator):
    client.force_login(orders_moderator)

    form = client.get("/admin/payouts/")
    backwards = client.get("/admin/payouts/?start=2026-11-30&end=2026-11-01")
    garbage = client.get("/admin/payouts/?start=hier&end=")

    last_month_end = timezone.localdate().replace(day=1) - timedelta(days=1)
    assert form.status_code == 200
    # ISO values, as <input type="date"> needs, though the admin speaks French here.
    assert f'value="{last_month_end.replace(day=1).isoformat()}"' in form.content.decode()
    assert f'value="{last_month_end.isoformat()}"' in form.content.decode()
    assert backwards.status_code == 400 and garbage.status_code == 400
    assert form["Content-Type"].startswith("text/html")


def test_revenue_by_month_and_provider_shows_refunds_and_the_payout_due(
    sales_site, two_sales_and_a_partial_refund
):
    since = timezone.now() - timedelta(days=30)
    [row] = reports.revenue_by_month_and_provider(
        payee=sales_site["awa"], item_type="course", item_ids=[sales_site["braids"].pk], since=since
    )
    assert row.month == timezone.localdate().replace(day=1)
    assert (row.provider, row.orders) == ("sandbox", 2)
    assert (row.paid_xaf, row.refunded_xaf, row.payee_net_xaf) == (10000, 2000, 5600)
    assert reports.payout_due(payee=sales_site["awa"]) == 5600
    assert not reports.revenue_by_month_and_provider(
        payee=sales_site["awa"], item_type="course", item_ids=[sales_site["nails"].pk], since=since
    )
