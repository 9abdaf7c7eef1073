"""Coupons: discounts, restrictions, limits, when a use counts, and who manages them."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import INSTRUCTORS_GROUP
from checkout import services
from checkout.errors import InvalidCoupon
from checkout.models import Coupon, Order

from ..conftest import make_person
from .conftest import buy_subscription, pay_order

COUPONS_URL = "/admin/snippets/checkout/coupon/"


def refused(msgid):
    """Expect a coupon refusal with this message, in the active language."""
    return pytest.raises(InvalidCoupon, match=re.escape(gettext(msgid)))


def order_for(user, course, code):
    return services.create_order(user=user, item_type="course", item_id=course.pk, coupon_code=code)


# --- Discounts --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_percentage_coupon_takes_its_share_off_the_price(subscription_site):
    Coupon.objects.create(code="RENTREE20", kind=Coupon.Kind.PERCENT, value=20)

    order = order_for(subscription_site["student"], subscription_site["excluded"], "rentree20 ")

    assert (order.list_price_xaf, order.discount_xaf, order.amount_xaf) == (9000, 1800, 7200)
    assert order.coupon.code == "RENTREE20"


@pytest.mark.django_db
def test_a_fixed_coupon_takes_its_amount_off_the_price(subscription_site):
    Coupon.objects.create(code="MOINS1500", kind=Coupon.Kind.FIXED, value=1500)

    order = order_for(subscription_site["student"], subscription_site["included"], "MOINS1500")

    assert (order.list_price_xaf, order.discount_xaf, order.amount_xaf) == (7000, 1500, 5500)


@pytest.mark.django_db
def test_a_coupon_works_on_a_subscription_too(subscription_site):
    Coupon.objects.create(code="ABO10", kind=Coupon.Kind.PERCENT, value=10)

    order = buy_subscription(subscription_site["student"], "monthly", coupon_code="ABO10")

    assert order.amount_xaf == 4500
    assert order.status == Order.Status.PAID
    assert order.subscription.plan == "monthly"


@pytest.mark.django_db
def test_a_coupon_that_would_make_the_course_free_is_refused(subscription_site):
    Coupon.objects.create(code="TOUT", kind=Coupon.Kind.FIXED, value=9000)

    with refused("This coupon would make the item free; ask support to enrol you."):
        order_for(subscription_site["student"], subscription_site["excluded"], "TOUT")

    assert not Order.objects.exists()


# --- Refusals: each one a clear message, and no order -----------------------------------------


@pytest.mark.django_db
def test_a_coupon_for_one_course_works_only_for_that_course(subscription_site):
    included, excluded = subscription_site["included"], subscription_site["excluded"]
    Coupon.objects.create(
        code="SOIREE", kind=Coupon.Kind.FIXED, value=2000, item_type="course", item_id=included.pk
    )

    assert order_for(subscription_site["student"], included, "SOIREE").amount_xaf == 5000
    with refused("This coupon is not valid for this item."):
        order_for(subscription_site["english"], excluded, "SOIREE")
    with refused("This coupon is not valid for this item."):
        services.create_order(
            user=subscription_site["english"],
            item_type="subscription",
            item_id="monthly",
            coupon_code="SOIREE",
        )
    assert Order.objects.count() == 1


@pytest.mark.django_db
def test_an_expired_coupon_is_refused(subscription_site):
    Coupon.objects.create(
        code="NOEL",
        kind=Coupon.Kind.PERCENT,
        value=30,
        expires_at=timezone.now() - timedelta(minutes=1),
    )

    with refused("This coupon has expired."):
        order_for(subscription_site["student"], subscription_site["excluded"], "NOEL")

    assert not Order.objects.exists()


@pytest.mark.django_db
def test_an_unknown_or_stopped_coupon_is_refused(subscription_site):
    Coupon.objects.create(code="ARRETE", kind=Coupon.Kind.PERCENT, value=30, active=False)

    for code in ("ARRETE", "INVENTE"):
        with refused("This coupon code does not exist."):
            order_for(subscription_site["student"], subscription_site["excluded"], code)

    assert not Order.objects.exists()


@pytest.mark.django_db
def test_a_coupon_past_its_uses_is_refused_on_the_pay_page(client, subscription_site):
    Coupon.objects.create(
        code="CENTPREMIERS", kind=Coupon.Kind.PERCENT, value=50, max_uses=100, used_count=100
    )
    client.force_login(subscription_site["student"])
    url = f"/fr/checkout/buy/course/{subscription_site['excluded'].pk}/"
    token = re.search(r'name="token" value="([0-9a-f-]+)"', client.get(url).content.decode())

    response = client.post(
        url,
        {
            "token": token.group(1),
            "method": "sandbox",
            "phone": "6 70 00 00 99",
            "coupon": "CENTPREMIERS",
        },
    )

    assert response.status_code == 200
    with translation.override("fr"):
        message = gettext("This coupon has been used as many times as allowed.")
    assert escape(message) in response.content.decode()
    assert not Order.objects.exists()


# --- When a use counts -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_use_counts_when_the_order_is_paid_not_when_it_is_created(subscription_site):
    coupon = Coupon.objects.create(code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1)
    order = order_for(subscription_site["student"], subscription_site["excluded"], "UNEFOIS")
    coupon.refresh_from_db()
    assert coupon.used_count == 0

    pay_order(order)
    services.poll_payment(payment=order.payments.get())  # the same news again

    coupon.refresh_from_db()
    assert coupon.used_count == 1
    with refused("This coupon has been used as many times as allowed."):
        order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")


@pytest.mark.django_db
def test_an_unpaid_order_leaves_the_coupon_for_others(subscription_site):
    coupon = Coupon.objects.create(code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1)
    order_for(subscription_site["student"], subscription_site["excluded"], "UNEFOIS")

    other = order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")

    assert other.coupon == coupon
    coupon.refresh_from_db()
    assert coupon.used_count == 0


# --- The admin: moderators only ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_moderator_creates_a_coupon_in_the_admin(client, moderator):
    client.force_login(moderator)

    assert client.get(COUPONS_URL).status_code == 200
    response = client.post(
        COUPONS_URL + "add/",
        {
            "code": " tabaski ",
            "kind": "fixed",
            "value": "2500",
            "max_uses": "50",
            "expires_at": "",
            "item_type": "",
            "item_id": "",
            "active": "on",
        },
    )

    assert response.status_code == 302
    coupon = Coupon.objects.get()
    assert (coupon.code, coupon.kind, coupon.value, coupon.used_count) == (
        "TABASKI",
        "fixed",
        2500,
        0,
    )


@pytest.mark.django_db
def test_the_admin_refuses_a_percentage_above_100(client, moderator):
    client.force_login(moderator)

    response = client.post(
        COUPONS_URL + "add/", {"code": "TROP", "kind": "percent", "value": "150", "active": "on"}
    )

    assert response.status_code == 200
    assert not Coupon.objects.exists()


@pytest.mark.django_db
def test_a_moderator_edits_a_coupon_but_not_its_use_count(client, moderator):
    coupon = Coupon.objects.create(code="ETE", kind="percent", value=10, used_count=7)
    client.force_login(moderator)

    client.post(
        f"{COUPONS_URL}edit/{coupon.pk}/",
        {"code": "ETE", "kind": "percent", "value": "15", "used_count": "0", "active": ""},
    )

    coupon.refresh_from_db()
    assert (coupon.value, coupon.used_count, coupon.active) == (15, 7, False)


@pytest.mark.django_db
def test_instructors_and_students_cannot_reach_coupons(client):
    coupon = Coupon.objects.create(code="SECRET", kind="percent", value=10)
    instructor = make_person("prof.coupons@example.cm", groups=[INSTRUCTORS_GROUP])
    student = make_person("eleve.coupons@example.cm", is_student=True)

    for person in (instructor, student):
        client.force_login(person)
        for url in (COUPONS_URL, COUPONS_URL + "add/", f"{COUPONS_URL}edit/{coupon.pk}/"):
            response = client.get(url)
            assert response.status_code in (302, 403), (person, url)
            assert "SECRET" not in response.content.decode()
    assert client.post(
        COUPONS_URL + "add/", {"code": "X", "kind": "fixed", "value": "1"}
    ).status_code in (302, 403)
    assert Coupon.objects.count() == 1


@pytest.mark.django_db
def test_a_used_coupon_cannot_be_deleted_only_stopped(client, moderator, subscription_site):
    coupon = Coupon.objects.create(code="UTILISE", kind="fixed", value=500)
    order_for(subscription_site["student"], subscription_site["excluded"], "UTILISE")

    unused = Coupon.objects.create(code="JAMAIS", kind="fixed", value=500)
    client.force_login(moderator)

    response = client.post(f"{COUPONS_URL}delete/{coupon.pk}/")
    client.post(f"{COUPONS_URL}delete/{unused.pk}/")

    assert response.status_code == 302
    assert response.url == f"{COUPONS_URL}edit/{coupon.pk}/"
    assert list(Coupon.objects.values_list("code", flat=True)) == ["UTILISE"]
