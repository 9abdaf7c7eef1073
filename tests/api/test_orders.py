"""Orders and payments through the API, with checkout's services: order a paid course,
pay it in the sandbox, follow the payment; nobody else's order or payment is found, and
bad input changes nothing."""

import pytest

from checkout.errors import ProviderUnavailable
from checkout.models import Order, Payment, SandboxCharge
from checkout.money import format_xaf
from checkout.providers.sandbox import REJECT, SandboxProvider
from enrolment.models import Enrolment

from ..course_pages.builders import make_course
from ..shared_build import built_once_per_module
from .conftest import app_client, assert_problem, build_api_world

pytestmark = pytest.mark.django_db

PHONE = "677 12 34 56"


def build_commerce_world():
    world = build_api_world()
    world["paid_course"] = make_course(
        world["catalogue"],
        world["teacher_page"],
        title="Tresses africaines",
        slug="tresses-africaines",
        price_xaf=15000,
    )
    return world


world = built_once_per_module(build_commerce_world, "world")


@pytest.fixture
def other_api(world):
    return app_client("other.student@example.cm")


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def _order(client, world):
    response = _post(
        client, "/api/v1/me/orders/", {"item_type": "course", "item_id": world["paid_course"].pk}
    )
    assert response.status_code == 201, response.content
    return response.json()


def _stored():
    return (
        sorted(Order.objects.values_list("number", "status", "amount_xaf")),
        sorted(Payment.objects.values_list("reference", "status")),
    )


# --- The buyer ---------------------------------------------------------------------------


def test_student_orders_a_course_and_pays_it_in_the_sandbox(student_api, world):
    order = _order(student_api, world)
    assert (order["title"], order["status"], order["amount_xaf"]) == (
        "Tresses africaines",
        "pending",
        15000,
    )

    started = _post(
        student_api,
        f"/api/v1/me/orders/{order['number']}/payments/",
        {"provider": "sandbox", "phone": PHONE},
    )

    assert started.status_code == 201, started.content
    payment = started.json()
    assert (payment["status"], payment["order"], payment["amount_xaf"]) == (
        "pending",
        order["number"],
        15000,
    )
    assert (
        payment["message"] == f"Confirmez le paiement de {format_xaf(15000)} sur votre téléphone."
    )
    assert payment["sandbox_phone_url"].endswith(f"/sandbox-phone/{payment['reference']}/")

    # The pretend phone approves; the next status check brings the news.
    SandboxCharge.objects.filter(reference=payment["reference"]).update(
        status=SandboxCharge.Status.APPROVED
    )
    Payment.objects.filter(reference=payment["reference"]).update(next_poll_at=None)
    state = student_api.get(f"/api/v1/me/payments/{payment['reference']}/").json()

    assert (state["status"], state["sandbox_phone_url"]) == ("paid", None)
    assert Enrolment.objects.filter(user=world["student"], course=world["paid_course"]).exists()
    mine = student_api.get("/api/v1/me/orders/").json()["results"]
    assert [(o["number"], o["status"]) for o in mine] == [(order["number"], "paid")]
    assert mine[0]["payments"][0]["status"] == "paid"


def test_a_second_tap_gives_back_the_same_order_and_payment(student_api, world):
    token = "6f1c7d1e-3c1b-4a4e-9d59-7b0f5a8e2b11"
    body = {"item_type": "course", "item_id": str(world["paid_course"].pk), "request_token": token}
    first = _post(student_api, "/api/v1/me/orders/", body).json()
    again = _post(student_api, "/api/v1/me/orders/", body).json()
    url = f"/api/v1/me/orders/{first['number']}/payments/"
    paying = _post(student_api, url, {"provider": "sandbox", "phone": PHONE}).json()
    paying_again = _post(student_api, url, {"provider": "sandbox", "phone": PHONE}).json()

    assert first["number"] == again["number"]
    assert paying["reference"] == paying_again["reference"]
    assert Order.objects.count() == 1
    assert Payment.objects.count() == 1


def test_a_refused_payment_says_why(student_api, world):
    order = _order(student_api, world)

    body = assert_problem(
        _post(
            student_api,
            f"/api/v1/me/orders/{order['number']}/payments/",
            {"provider": "sandbox", "phone": REJECT.replace("+237", "")},
        ),
        409,
    )

    assert body["title"] == "Impossible pour le moment"
    assert Payment.objects.get().status == Payment.Status.FAILED


def test_a_provider_that_does_not_answer_is_a_503(student_api, world, monkeypatch):
    order = _order(student_api, world)

    def silent(self, payment):
        raise ProviderUnavailable("timeout")

    monkeypatch.setattr(SandboxProvider, "start", silent)
    response = _post(
        student_api,
        f"/api/v1/me/orders/{order['number']}/payments/",
        {"provider": "sandbox", "phone": PHONE},
    )

    body = assert_problem(response, 503)
    assert "ne répond pas" in body["detail"]


def test_what_cannot_be_bought_is_refused(student_api, world):
    before = _stored()

    free = assert_problem(
        _post(
            student_api,
            "/api/v1/me/orders/",
            {"item_type": "course", "item_id": world["course"].pk},
        ),
        409,
    )
    assert_problem(
        _post(student_api, "/api/v1/me/orders/", {"item_type": "car", "item_id": "1"}), 409
    )
    coupon = assert_problem(
        _post(
            student_api,
            "/api/v1/me/orders/",
            {"item_type": "course", "item_id": world["paid_course"].pk, "coupon": "NOPE"},
        ),
        400,
    )

    assert free["detail"]
    assert set(coupon["errors"]) == {"coupon"}
    assert _stored() == before


# --- Role by role ------------------------------------------------------------------------


def test_anonymous_caller_must_sign_in(api, world):
    before = _stored()

    for path in ("/api/v1/me/orders/", "/api/v1/me/orders/BSA-260101-AAAAAA/"):
        assert_problem(api.get(path), 401)
    assert_problem(_post(api, "/api/v1/me/orders/", {"item_type": "course", "item_id": "1"}), 401)
    assert_problem(
        _post(api, "/api/v1/me/orders/BSA-260101-AAAAAA/payments/", {"provider": "sandbox"}), 401
    )
    assert_problem(api.get("/api/v1/me/payments/6f1c7d1e-3c1b-4a4e-9d59-7b0f5a8e2b11/"), 401)

    assert _stored() == before


def test_another_persons_order_and_payment_are_not_found(student_api, other_api, world):
    order = _order(student_api, world)
    payment = _post(
        student_api,
        f"/api/v1/me/orders/{order['number']}/payments/",
        {"provider": "sandbox", "phone": PHONE},
    ).json()
    before = _stored()

    assert_problem(other_api.get(f"/api/v1/me/orders/{order['number']}/"), 404)
    assert_problem(
        _post(
            other_api,
            f"/api/v1/me/orders/{order['number']}/payments/",
            {"provider": "sandbox", "phone": PHONE},
        ),
        404,
    )
    assert_problem(other_api.get(f"/api/v1/me/payments/{payment['reference']}/"), 404)
    assert other_api.get("/api/v1/me/orders/").json()["results"] == []

    assert _stored() == before


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"provider": "bitcoin", "phone": PHONE}, "provider"),
        ({"provider": "sandbox"}, "phone"),
        ({"provider": "sandbox", "phone": "12"}, "phone"),
        ({"provider": "sandbox", "phone": 677123456}, None),
        ({"provider": ["sandbox"], "phone": PHONE}, "provider"),
        ({"provider": "sandbox", "phone": PHONE, "amount_xaf": 1}, "amount_xaf"),
    ],
)
def test_bad_payment_requests_start_nothing(student_api, world, body, field):
    order = _order(student_api, world)
    before = _stored()

    response = _post(student_api, f"/api/v1/me/orders/{order['number']}/payments/", body)

    if field is None:  # a number where text is expected is read as text, as forms do
        assert response.status_code == 201
        return
    problem = assert_problem(response, 400)
    assert field in problem["errors"]
    assert _stored() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"item_type": "course"}, "item_id"),
        ({"item_type": "course", "item_id": "1", "amount_xaf": 5}, "amount_xaf"),
        ({"item_type": "course", "item_id": "1", "request_token": "not-a-uuid"}, "request_token"),
        ({"item_type": ["course"], "item_id": "1"}, "item_type"),
        ({"item_type": "course", "item_id": "1" * 65}, "item_id"),
    ],
)
def test_bad_orders_make_nothing(student_api, world, body, field):
    before = _stored()

    problem = assert_problem(_post(student_api, "/api/v1/me/orders/", body), 400)

    assert field in problem["errors"]
    assert _stored() == before


def test_malformed_too_big_or_form_bodies_make_nothing(student_api, world):
    order = _order(student_api, world)
    payments = f"/api/v1/me/orders/{order['number']}/payments/"
    before = _stored()
    huge = '{"item_type": "course", "item_id": "' + "1" * (2 * 1024 * 1024) + '"}'

    for url in ("/api/v1/me/orders/", payments):
        assert_problem(
            student_api.post(url, '{"item_type": ', content_type="application/json"), 400
        )
        assert_problem(student_api.post(url, "[1]", content_type="application/json"), 400)
        assert_problem(student_api.post(url, huge, content_type="application/json"), 413)
        assert_problem(
            student_api.post(
                url, "provider=sandbox", content_type="application/x-www-form-urlencoded"
            ),
            415,
        )

    assert _stored() == before
