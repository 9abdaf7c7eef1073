"""Coupons: discounts, what they are valid for, limits, when a use is reserved, used or
given back, and who manages them."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import INSTRUCTORS_GROUP
from checkout import services
from checkout.errors import InvalidCoupon
from checkout.models import Coupon, CouponUse, Order

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
        code="SOIREE",
        kind=Coupon.Kind.FIXED,
        value=2000,
        scope=Coupon.Scope.ONE_ITEM,
        item_type="course",
        item_id=included.pk,
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
def test_a_coupon_for_courses_works_on_every_course_and_nothing_else(subscription_site):
    Coupon.objects.create(code="COURS", kind="percent", value=10, scope=Coupon.Scope.COURSES)

    assert order_for(subscription_site["student"], subscription_site["excluded"], "COURS")
    assert order_for(subscription_site["student"], subscription_site["included"], "COURS")
    with refused("This coupon is not valid for this item."):
        buy_subscription(subscription_site["english"], "monthly", coupon_code="COURS")

    assert Order.objects.count() == 2
    assert CouponUse.objects.count() == 2


@pytest.mark.django_db
def test_a_coupon_for_subscriptions_or_deposits_is_refused_on_a_course(subscription_site):
    Coupon.objects.create(code="ABO", kind="percent", value=10, scope=Coupon.Scope.SUBSCRIPTIONS)
    Coupon.objects.create(code="DEPOT", kind="percent", value=10, scope=Coupon.Scope.DEPOSITS)

    for code in ("ABO", "DEPOT"):
        with refused("This coupon is not valid for this item."):
            order_for(subscription_site["student"], subscription_site["excluded"], code)
    assert buy_subscription(subscription_site["english"], "annual", coupon_code="ABO").discount_xaf

    assert Order.objects.count() == 1
    assert CouponUse.objects.get().state == CouponUse.State.USED


@pytest.mark.django_db
def test_a_coupon_past_its_uses_is_refused_on_the_pay_page(client, subscription_site):
    Coupon.objects.create(code="CENTPREMIERS", kind=Coupon.Kind.PERCENT, value=50, max_uses=1)
    pay_order(
        order_for(subscription_site["english"], subscription_site["excluded"], "CENTPREMIERS")
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
    assert Order.objects.count() == 1
    assert CouponUse.objects.count() == 1


# --- When a use counts: reserved by the order, used when paid, given back -----------------------


def uses(coupon):
    return Coupon.objects.with_use_counts().get(pk=coupon.pk)


@pytest.mark.django_db
def test_an_order_reserves_the_use_so_a_second_buyer_cannot_overshoot(subscription_site):
    coupon = Coupon.objects.create(code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1)
    order = order_for(subscription_site["student"], subscription_site["excluded"], "UNEFOIS")
    assert (uses(coupon).reserved_count, uses(coupon).used_count) == (1, 0)

    # Before, the use counted only once paid: this second order got the discount too.
    with refused("This coupon has been used as many times as allowed."):
        order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")
    assert Order.objects.count() == 1

    pay_order(order)
    services.poll_payment(payment=order.payments.get())  # the same news again

    assert (uses(coupon).reserved_count, uses(coupon).used_count) == (0, 1)
    with refused("This coupon has been used as many times as allowed."):
        order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")


@pytest.mark.django_db
def test_an_order_left_unpaid_gives_its_use_back_when_it_expires(subscription_site):
    coupon = Coupon.objects.create(code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1)
    order = order_for(subscription_site["student"], subscription_site["excluded"], "UNEFOIS")
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    # Past its time, the order holds the use no more, even before beat expires it.
    other = order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")
    services.expire_overdue_orders()

    assert other.coupon == coupon
    order.refresh_from_db()
    assert order.status == Order.Status.EXPIRED
    assert order.coupon_uses.get().state == CouponUse.State.RELEASED
    assert (uses(coupon).reserved_count, uses(coupon).used_count) == (1, 0)


@pytest.mark.django_db
def test_a_cancelled_order_gives_its_use_back(subscription_site):
    coupon = Coupon.objects.create(code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1)
    student = subscription_site["student"]
    order = order_for(student, subscription_site["excluded"], "UNEFOIS")

    services.cancel_order(order=order, user=student)

    assert uses(coupon).reserved_count == 0
    assert order_for(subscription_site["english"], subscription_site["excluded"], "UNEFOIS")


@pytest.mark.django_db
def test_paying_again_for_the_same_order_keeps_one_use(subscription_site):
    coupon = Coupon.objects.create(
        code="UNEFOIS", kind=Coupon.Kind.FIXED, value=1000, max_uses=1, max_uses_per_person=1
    )
    student, course = subscription_site["student"], subscription_site["excluded"]

    first = order_for(student, course, "UNEFOIS")
    again = order_for(student, course, "UNEFOIS")  # back on the pay form: the same order

    assert again.pk == first.pk and again.coupon == coupon
    assert uses(coupon).reserved_count == 1
    assert services.quote(
        price_xaf=9000, coupon_code="UNEFOIS", item_type="course", item_id=course.pk, user=student
    )


@pytest.mark.django_db
def test_a_person_cannot_use_a_coupon_more_often_than_allowed(subscription_site):
    coupon = Coupon.objects.create(
        code="UNEPARPERSONNE", kind=Coupon.Kind.PERCENT, value=10, max_uses_per_person=1
    )
    student = subscription_site["student"]
    order_for(student, subscription_site["excluded"], "UNEPARPERSONNE")

    with refused("You have already used this coupon as many times as allowed."):
        order_for(student, subscription_site["included"], "UNEPARPERSONNE")
    with refused("You have already used this coupon as many times as allowed."):
        services.quote(
            price_xaf=7000,
            coupon_code="UNEPARPERSONNE",
            item_type="course",
            item_id=subscription_site["included"].pk,
            user=student,
        )

    assert Order.objects.count() == 1
    assert uses(coupon).reserved_count == 1
    assert order_for(subscription_site["english"], subscription_site["included"], "UNEPARPERSONNE")


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
            "max_uses_per_person": "1",
            "expires_at": "",
            "scope": "course",
            "item_type": "",
            "item_id": "",
            "active": "on",
        },
    )

    assert response.status_code == 302
    coupon = Coupon.objects.get()
    assert (coupon.code, coupon.kind, coupon.value, coupon.scope) == (
        "TABASKI",
        "fixed",
        2500,
        "course",
    )
    assert (coupon.max_uses, coupon.max_uses_per_person) == (50, 1)


@pytest.mark.django_db
def test_the_admin_asks_which_item_for_a_one_item_coupon(client, moderator):
    client.force_login(moderator)
    assert client.get(COUPONS_URL + "add/").status_code == 200

    response = client.post(
        COUPONS_URL + "add/",
        {"code": "UNCOURS", "kind": "fixed", "value": "500", "scope": "item", "active": "on"},
    )

    assert response.status_code == 200
    assert escape(gettext("Give the item's ID.")) in response.content.decode()
    assert not Coupon.objects.exists()


@pytest.mark.django_db
def test_the_coupon_listing_shows_reserved_and_used(client, moderator, subscription_site):
    Coupon.objects.create(code="COMPTE", kind="fixed", value=500)
    pay_order(order_for(subscription_site["student"], subscription_site["excluded"], "COMPTE"))
    order_for(subscription_site["english"], subscription_site["excluded"], "COMPTE")
    client.force_login(moderator)

    page = client.get(COUPONS_URL).content.decode()

    row = page[page.index("COMPTE") :]
    row = row[: row.index("</tr>")]
    assert re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", row)[:3] == ["500", "1", "1"]


@pytest.mark.django_db
def test_the_admin_refuses_a_percentage_above_100(client, moderator):
    client.force_login(moderator)

    response = client.post(
        COUPONS_URL + "add/", {"code": "TROP", "kind": "percent", "value": "150", "active": "on"}
    )

    assert response.status_code == 200
    assert not Coupon.objects.exists()


@pytest.mark.django_db
def test_a_moderator_narrows_a_coupon_to_one_item(client, moderator):
    coupon = Coupon.objects.create(code="ETE", kind="percent", value=10)
    client.force_login(moderator)

    client.post(
        f"{COUPONS_URL}edit/{coupon.pk}/",
        {
            "code": "ETE",
            "kind": "percent",
            "value": "15",
            "scope": "item",
            "item_type": "subscription",
            "item_id": " annual ",
            "active": "",
        },
    )

    coupon.refresh_from_db()
    assert (coupon.value, coupon.scope, coupon.item_type, coupon.item_id, coupon.active) == (
        15,
        "item",
        "subscription",
        "annual",
        False,
    )


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
