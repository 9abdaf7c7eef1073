"""A subscriber enrols in an included course in one tap, without paying again."""

import pytest

from enrolment.models import Enrolment

from .conftest import buy_subscription


@pytest.mark.django_db
def test_subscriber_sees_one_tap_enrol_on_an_included_course(client, subscription_site):
    student, included = subscription_site["student"], subscription_site["included"]
    buy_subscription(student)
    client.force_login(student)

    page = client.get(included.url).content.decode()
    response = client.post(f"/fr/learn/enrol/{included.pk}/")

    assert "Commencer avec mon abonnement" in page
    assert "/fr/checkout/buy/course/" not in page
    assert response.status_code == 302
    assert Enrolment.objects.get(user=student).source == Enrolment.Source.SUBSCRIPTION


@pytest.mark.django_db
def test_a_course_outside_the_subscription_still_goes_to_the_pay_page(client, subscription_site):
    student, excluded = subscription_site["student"], subscription_site["excluded"]
    buy_subscription(student)
    client.force_login(student)

    page = client.get(excluded.url).content.decode()

    assert f"/fr/checkout/buy/course/{excluded.pk}/" in page
