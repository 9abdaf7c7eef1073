"""Orders and receipts tell every cache not to keep them."""

import pytest

from .conftest import buy_course

pytestmark = pytest.mark.django_db


def cache_directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_my_orders_are_not_kept_by_any_cache(client, sales_site):
    buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(sales_site["nadia"])

    response = client.get("/fr/account/orders/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)


def test_a_receipt_is_not_kept_by_any_cache(client, sales_site):
    order = buy_course(sales_site["nadia"], sales_site["braids"])
    client.force_login(sales_site["nadia"])

    response = client.get(f"/en/account/orders/receipt/{order.number}.pdf")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)
