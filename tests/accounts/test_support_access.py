"""The support panel is for moderators only, tested role by role: anonymous visitors
go to the login page, students and instructors get 403, and an action tried by anyone
but a moderator changes nothing."""

import pytest
from django.core import mail

from accounts.models import SupportAction
from certificates.models import Certificate
from checkout.models import Refund
from enrolment.models import Enrolment

from ..conftest import make_person
from .conftest import give_history

pytestmark = pytest.mark.django_db


def pages(site):
    nadia = site["nadia"]
    return [
        "/admin/support/",
        "/admin/support/?q=nadia",
        f"/admin/support/{nadia.pk}/",
        f"/admin/support/{nadia.pk}/enrol/course/",
        f"/admin/support/{nadia.pk}/unlock/all/",
    ]


def test_anonymous_visitors_are_sent_to_the_admin_login(client, support_site):
    for url in pages(support_site):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.parametrize("role", ["student", "instructor"])
def test_students_and_instructors_get_403(client, support_site, role, request):
    client.force_login(request.getfixturevalue(role))
    for url in pages(support_site):
        assert client.get(url).status_code == 403, url


def test_moderators_and_superusers_see_the_panel(client, support_site, moderator):
    admin = make_person("root@example.cm", is_superuser=True, is_staff=True)
    for person in (moderator, admin):
        client.force_login(person)
        for url in pages(support_site)[:4]:
            response = client.get(url)
            # One match for "nadia" goes straight to her page.
            assert response.status_code in (200, 302), url
            if response.status_code == 302:
                assert response["Location"] == f"/admin/support/{support_site['nadia'].pk}/"


def everything(person):
    return {
        "enrolments": list(Enrolment.objects.filter(user=person).values_list("status", flat=True)),
        "refunds": Refund.objects.count(),
        "revoked": Certificate.objects.filter(revoked_at__isnull=False).count(),
        "bookings": list(person.bookings.values_list("status", flat=True)),
        "log": SupportAction.objects.count(),
        "mail": len(mail.outbox),
    }


@pytest.mark.parametrize("role", ["student", "instructor"])
def test_every_action_by_a_non_moderator_is_refused_and_changes_nothing(
    client, support_site, role, request, django_capture_on_commit_callbacks
):
    nadia = support_site["nadia"]
    order = give_history(support_site, nadia, 1, django_capture_on_commit_callbacks)[0]
    certificate = Certificate.objects.get(user=nadia)
    booking = nadia.bookings.get()
    payment = order.payments.get()
    mail.outbox.clear()
    before = everything(nadia)
    client.force_login(request.getfixturevalue(role))
    attempts = [
        ("enrol", "course", {"extra-course": support_site["courses"][3].pk}),
        ("resend_receipt", order.number, {}),
        ("refund", payment.pk, {"extra-amount_xaf": 1000}),
        ("unlock", "all", {}),
        ("cancel_booking", booking.reference, {}),
        ("resend_certificate", certificate.code, {}),
        ("revoke_certificate", certificate.code, {}),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        for action, target, extra in attempts:
            url = f"/admin/support/{nadia.pk}/{action}/{target}/"
            response = client.post(url, {"reason": "Essai", "confirm": "1", **extra})
            assert response.status_code == 403, action

    assert everything(nadia) == before


def test_the_home_panel_of_waiting_work_is_for_moderators_only(
    client, support_site, moderator, instructor
):
    client.force_login(instructor)
    assert 'id="support-waiting-heading"' not in client.get("/admin/").content.decode()

    client.force_login(moderator)
    page = client.get("/admin/").content.decode()
    assert 'id="support-waiting-heading"' in page
    assert "/admin/refunds/" in page and "/admin/instructor-requests/" in page
    assert "/admin/message-reports/" in page and "/admin/community-reports/" in page
    assert "/admin/orders/?status=pending" in page
    assert "/admin/payments-by-code/" in page


@pytest.mark.parametrize(
    "url",
    [
        "/admin/support-enrolments/",
        "/admin/support-subscriptions/",
        "/admin/support-practice-work/",
    ],
)
def test_support_listings_open_to_moderators_only(client, support_site, moderator, instructor, url):
    client.force_login(instructor)
    refused = client.get(url)
    client.force_login(moderator)
    shown = client.get(url)

    # Wagtail sends admins without the permission back to the dashboard.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert shown.status_code == 200
