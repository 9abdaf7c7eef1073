"""An item id in the buy address that is not a number gets a clear refusal, never a 500."""

import html

import pytest

from checkout.models import Order

from ..conftest import make_person

BAD_IDS = ["abc", "1.5", "NaN", "1e308", "💅", "١٢", "-1", "0", "9" * 40, "1_0"]


@pytest.fixture
def buyer(db):
    return make_person("buyer@example.cm", is_student=True, phone="+237677123456")


@pytest.mark.django_db
def test_a_course_id_that_is_not_a_number_is_refused_clearly(client, course_site, buyer):
    client.force_login(buyer)

    for item_id in BAD_IDS:
        url = f"/fr/checkout/buy/course/{item_id}/"
        shown = client.get(url)
        posted = client.post(
            url, {"token": "6f1c2b0e-2a53-4a31-9d0f-2d7a3f3f7a11", "method": "sandbox"}
        )

        for response in (shown, posted):
            assert response.status_code == 409, item_id
            assert "Ce cours n'est pas disponible." in html.unescape(response.content.decode())
    assert not Order.objects.exists()
