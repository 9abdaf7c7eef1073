"""A moderator finds a person by e-mail, phone or name and sees, on one page, their
roles, learning, money, certificates, bookings, messages sent to them, reports about
them and login lockouts, in a number of queries that does not grow with their history."""

import pytest
from django.core import mail
from django.test import Client

from certificates.models import Certificate
from community.models import ModerationCase

from ..query_counts import counted_queries
from .conftest import give_history

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "nadia.eleve@example.cm",
        "NADIA.ELEVE",
        "677334455",
        "6 77 33 44 55",
        "Mbarga",
        "nadia mbarga",
    ],
)
def test_one_match_by_email_phone_or_name_opens_the_persons_page(
    client, support_site, moderator, query
):
    client.force_login(moderator)

    response = client.get("/admin/support/", {"q": query})

    assert response.status_code == 302
    assert response["Location"] == f"/admin/support/{support_site['nadia'].pk}/"


def test_several_matches_are_listed_and_no_match_says_so(client, support_site, moderator):
    client.force_login(moderator)

    several = client.get("/admin/support/", {"q": "example.cm"}).content.decode()
    none = client.get("/admin/support/", {"q": "personne-inconnue"}).content.decode()

    assert f"/admin/support/{support_site['nadia'].pk}/" in several
    assert f"/admin/support/{support_site['paul'].pk}/" in several
    assert "personne-inconnue" in none and "/admin/support/" in none


def test_the_page_shows_the_persons_whole_situation(
    client, support_site, moderator, django_capture_on_commit_callbacks
):
    nadia = support_site["nadia"]
    order = give_history(support_site, nadia, 1, django_capture_on_commit_callbacks)[0]
    certificate = Certificate.objects.get(user=nadia)
    booking = nadia.bookings.get()
    wrong = Client(REMOTE_ADDR="10.0.0.5")
    for _ in range(5):
        wrong.post("/fr/accounts/login/", {"login": nadia.email, "password": "faux"})
    client.force_login(moderator)

    page = client.get(f"/admin/support/{nadia.pk}/").content.decode()

    assert "nadia.eleve@example.cm" in page and "+237677334455" in page
    assert "Élève, Client·e" in page
    assert "Tresses niveau 1" in page
    assert order.number in page
    assert f"/admin/support/{nadia.pk}/refund/{order.payments.get().pk}/" in page
    assert f"/admin/support/{nadia.pk}/resend_receipt/{order.number}/" in page
    assert certificate.code in page
    assert f"/admin/support/{nadia.pk}/revoke_certificate/{certificate.code}/" in page
    assert f"/admin/support/{nadia.pk}/cancel_booking/{booking.reference}/" in page
    assert "Message 0" in page and "Insultes" in page
    assert f"/admin/community-reports/{ModerationCase.objects.get(kind='group').pk}/" in page
    assert "(Pub)" in page
    # The receipt e-mail, in the delivery queue with its state (and the order's row).
    assert mail.outbox and page.count(order.number) >= 3
    assert "/admin/notifications_outbound/" in page
    assert "10.0.0.5" in page
    assert f"/admin/support/{nadia.pk}/unlock/all/" in page


def person_page_queries(client, person):
    url = f"/admin/support/{person.pk}/"
    assert client.get(url).status_code == 200
    with counted_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_person_page_costs_the_same_queries_however_long_the_history(
    client, support_site, moderator, django_capture_on_commit_callbacks, record_property
):
    nadia = support_site["nadia"]
    client.force_login(moderator)
    empty = person_page_queries(client, nadia)
    give_history(support_site, nadia, 1, django_capture_on_commit_callbacks)
    one = person_page_queries(client, nadia)
    # Three of everything: courses, orders, payments, certificates, bookings, reports
    # on messages and on community posts.
    give_history(support_site, nadia, 2, django_capture_on_commit_callbacks, start=1)
    three = person_page_queries(client, nadia)

    figure = f"support person page: {empty} queries empty, {one} with 1 of each, {three} with 3"
    print(figure)
    record_property("bench figures", figure)
    assert one == three
