"""The pay form: a coupon is applied before paying, the phone comes from the profile,
and the page after paying says the payment was received."""

import re

import pytest
from django.utils import timezone, translation

from checkout.models import Coupon, CouponUse, Order, Payment, SandboxCharge
from checkout.money import format_xaf

from ..conftest import make_person


@pytest.fixture
def buyer(db):
    return make_person("form.buyer@example.cm", is_student=True, phone="+237677123456")


@pytest.fixture
def buy_url(course_site):
    return f"/en/checkout/buy/course/{course_site['paid'].pk}/"


def _form(client, url):
    page = client.get(url).content.decode()
    return page, re.search(r'name="token" value="([0-9a-f-]+)"', page)[1]


@pytest.mark.django_db
def test_the_phone_is_filled_in_from_the_profile(client, buyer, buy_url):
    client.force_login(buyer)

    page, _token = _form(client, buy_url)

    assert re.search(r'name="phone"[^>]*value="677123456"', page)


@pytest.mark.django_db
def test_applying_a_coupon_shows_the_new_price_and_orders_nothing(client, buyer, buy_url):
    Coupon.objects.create(code="BIENVENUE", kind="percent", value=20)
    client.force_login(buyer)
    _page, token = _form(client, buy_url)

    page = client.post(
        buy_url,
        {
            "token": token,
            "method": "sandbox",
            "phone": "677123456",
            "coupon": "bienvenue",
            "apply_coupon": "1",
        },
    ).content.decode()

    with translation.override("en"):
        new_price, old_price = format_xaf(4000), format_xaf(5000)
    assert f"Coupon applied: you pay {new_price}." in page
    assert f'<s class="small">{old_price}</s>' in page and f"Pay {new_price}" in page
    assert f'value="{token}"' in page and 'value="bienvenue"' in page
    assert not Order.objects.exists() and not CouponUse.objects.exists()


@pytest.mark.django_db
def test_an_unknown_coupon_is_refused_on_apply_and_the_price_stays(client, buyer, buy_url):
    client.force_login(buyer)
    _page, token = _form(client, buy_url)

    page = client.post(
        buy_url.replace("/en/", "/fr/"),
        {
            "token": token,
            "method": "sandbox",
            "phone": "677123456",
            "coupon": "NOPE",
            "apply_coupon": "1",
        },
    ).content.decode()

    assert "Ce code promo n" in page and "existe pas" in page
    assert "Coupon applied" not in page and "appliqué" not in page
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_the_page_after_paying_says_the_payment_was_received(
    client, buyer, buy_url, django_capture_on_commit_callbacks
):
    client.force_login(buyer)
    _page, token = _form(client, buy_url.replace("/en/", "/fr/"))
    client.post(
        buy_url.replace("/en/", "/fr/"),
        {"token": token, "method": "sandbox", "phone": "677123456", "coupon": ""},
    )
    payment = Payment.objects.get()
    SandboxCharge.objects.filter(reference=payment.reference).update(status="approved")
    Payment.objects.filter(pk=payment.pk).update(next_poll_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        state = client.get(f"/fr/checkout/payment/{payment.reference}/status/").json()
    landing = client.get(state["next_url"], follow=True).content.decode()

    assert state["status"] == "paid"
    assert "Paiement reçu. Merci" in landing


@pytest.mark.django_db
def test_campay_is_offered_as_a_third_way_to_pay_and_starts_a_collect(
    client, buyer, buy_url, mobile_money, campay
):
    client.force_login(buyer)
    page, token = _form(client, buy_url.replace("/en/", "/fr/"))
    offered = re.findall(r'name="method" value="([a-z_]+)"', page)
    assert {"mtn_momo", "orange_money", "campay"} <= set(offered)
    assert "Mobile Money (MTN ou Orange) via Campay" in page

    answer = client.post(
        buy_url.replace("/en/", "/fr/"),
        {"token": token, "method": "campay", "phone": "677123456", "coupon": ""},
    )

    payment = Payment.objects.get()
    assert answer.status_code == 302 and payment.provider == "campay"
    assert answer["Location"] == f"/fr/checkout/payment/{payment.reference}/"
    assert campay.requests_to("POST", "/api/collect/")[0].json["from"] == "237677123456"


@pytest.mark.django_db
def test_when_the_provider_is_down_the_form_offers_paying_by_code(
    client, buyer, buy_url, campay, manual_codes_on
):
    from . import fake_campay

    campay.fault(fake_campay.SERVER_ERROR, "/api/collect/")
    client.force_login(buyer)
    page, token = _form(client, buy_url.replace("/en/", "/fr/"))
    assert 'value="manual"' in page

    page = client.post(
        buy_url.replace("/en/", "/fr/"),
        {"token": token, "method": "campay", "phone": "677123456", "coupon": ""},
    ).content.decode()

    assert "Payer par code (USSD)" in page and "ne répond pas" in page
    payment = Payment.objects.get()
    assert payment.status == "failed" and Order.objects.get().status == "pending"
