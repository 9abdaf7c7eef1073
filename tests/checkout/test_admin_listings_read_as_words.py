"""Admin listings show booleans as words in the admin's language (« Actif : Oui »),
never Python's True/False/None, in columns and in the active-filter chips."""

import re
from html import unescape

import pytest

from accounts.models import User
from checkout.models import Coupon

from .conftest import buy_course

pytestmark = pytest.mark.django_db

COUPONS = "/admin/snippets/checkout/coupon/"


def visible_text(response):
    """What a person reads: no tags, no attributes, entities decoded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", text)))


@pytest.fixture
def moderator_in_french(client, orders_moderator):
    client.force_login(orders_moderator)
    return client


def assert_no_python_values(text):
    for raw in ("True", "False", "None"):
        assert not re.search(rf"\b{raw}\b", text), raw


def test_the_coupon_listing_says_oui_and_non(moderator_in_french):
    Coupon.objects.create(code="BIENVENUE", kind="percent", value=10)
    Coupon.objects.create(code="ANCIEN", kind="percent", value=20, active=False)

    listing = visible_text(moderator_in_french.get(COUPONS))
    active_only = visible_text(moderator_in_french.get(f"{COUPONS}?active=true"))
    stopped_only = visible_text(moderator_in_french.get(f"{COUPONS}?active=false"))

    assert re.search(r"BIENVENUE .* Oui", listing) and re.search(r"ANCIEN .* Non", listing)
    assert "Actif\xa0: Oui" in active_only or "Actif : Oui" in active_only
    assert "Actif\xa0: Non" in stopped_only or "Actif : Non" in stopped_only
    for text in (listing, active_only, stopped_only):
        assert_no_python_values(text)


def test_the_orders_listing_filtered_on_review_says_oui(moderator_in_french, sales_site):
    buy_course(sales_site["nadia"], sales_site["braids"])

    listing = visible_text(moderator_in_french.get("/admin/orders/"))
    to_review = visible_text(moderator_in_french.get("/admin/orders/?needs_review=true"))

    assert "À vérifier\xa0: Oui" in to_review or "À vérifier : Oui" in to_review
    for text in (listing, to_review):
        assert_no_python_values(text)
        assert "de entrées" not in text


def test_empty_admin_listings_have_no_missing_values(moderator_in_french):
    superuser = User.objects.create_superuser(email="root.lists@example.cm", password="x")
    moderator_in_french.force_login(superuser)

    for url in ("/admin/orders/", "/admin/certificates/", "/admin/booking_bookings/", COUPONS):
        text = visible_text(moderator_in_french.get(url))
        assert_no_python_values(text)
        assert "de entrées" not in text and "sur 1 None" not in text


def test_boolean_filters_of_the_directory_say_oui_and_non(moderator_in_french):
    superuser = User.objects.create_superuser(email="root.dir@example.cm", password="x")
    moderator_in_french.force_login(superuser)

    services = visible_text(moderator_in_french.get("/admin/directory_services/?is_active=true"))
    reviews = visible_text(moderator_in_french.get("/admin/directory_reviews/?is_hidden=false"))

    assert re.search(r": Oui\b", services) and re.search(r": Non\b", reviews)
    for text in (services, reviews):
        assert_no_python_values(text)
