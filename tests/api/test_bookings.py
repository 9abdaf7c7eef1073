"""A client's bookings through the API, with booking's services: hold a free slot, pay
the deposit through its checkout order, move, cancel, review; role by role, nobody
else's booking found, and bad input that changes nothing."""

import pytest

from booking import changes
from booking.models import Booking
from checkout.models import Order, Payment, SandboxCharge
from directory.models import Review

from ..booking.conftest import confirmed_booking, free_slot, hold, move_to_past
from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

MINE = "/api/v1/me/bookings/"


@pytest.fixture
def client_api(world):
    return app_client("cliente@example.cm")


@pytest.fixture
def stranger_api(world):
    return app_client("autre.cliente@example.cm")


def _post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


def _stored():
    return (
        sorted(
            Booking.objects.values_list("reference", "status", "starts_at", "review_id", "order_id")
        ),
        Order.objects.count(),
        Payment.objects.count(),
        Review.objects.count(),
    )


def _hold_through_api(client_api, world, index=0):
    slot = free_slot(world["service"], index)
    response = _post(
        client_api, MINE, {"service": world["service"].pk, "start": slot.start.isoformat()}
    )
    assert response.status_code == 201, response.content
    return response.json()


# --- The client --------------------------------------------------------------------------


def test_client_holds_a_slot_and_pays_the_deposit_in_the_sandbox(client_api, world):
    held = _hold_through_api(client_api, world)
    assert (held["status"], held["deposit_xaf"], held["deposit_order"]) == ("held", 2000, None)
    assert held["service"]["name"] == "Tresses"
    assert held["professional"]["name"] == "Awa Tresses"

    order = _post(client_api, f"{MINE}{held['reference']}/deposit/")
    assert order.status_code == 201, order.content
    order = order.json()
    again = _post(client_api, f"{MINE}{held['reference']}/deposit/").json()
    assert (order["item_type"], order["amount_xaf"], again["number"]) == (
        "booking",
        2000,
        order["number"],
    )
    payment = _post(
        client_api,
        f"/api/v1/me/orders/{order['number']}/payments/",
        {"provider": "sandbox", "phone": "677 33 44 55"},
    ).json()
    SandboxCharge.objects.filter(reference=payment["reference"]).update(
        status=SandboxCharge.Status.APPROVED
    )
    Payment.objects.filter(reference=payment["reference"]).update(next_poll_at=None)
    assert client_api.get(f"/api/v1/me/payments/{payment['reference']}/").json()["status"] == "paid"

    shown = client_api.get(f"{MINE}{held['reference']}/").json()
    assert (shown["status"], shown["deposit_order"]) == ("confirmed", order["number"])
    listed = client_api.get(MINE).json()["results"]
    assert [b["reference"] for b in listed] == [held["reference"]]


def test_client_moves_then_cancels_a_confirmed_booking(client_api, world):
    booking = confirmed_booking(world)
    later = free_slot(world["service"], 3)

    moved = _post(
        client_api, f"{MINE}{booking.reference}/move/", {"start": later.start.isoformat()}
    )
    assert moved.status_code == 200, moved.content
    booking.refresh_from_db()
    assert booking.starts_at == later.start

    cancelled = _post(client_api, f"{MINE}{booking.reference}/cancel/")

    assert cancelled.status_code == 200, cancelled.content
    assert (cancelled.json()["status"], cancelled.json()["cancelled_by"]) == (
        "cancelled",
        "client",
    )
    again = assert_problem(_post(client_api, f"{MINE}{booking.reference}/cancel/"), 409)
    assert again["detail"] == "Cette réservation ne peut plus être annulée."


def test_client_reviews_a_completed_appointment_once(client_api, world):
    booking = move_to_past(confirmed_booking(world))
    changes.mark_completed(booking=booking, user=world["awa"])

    response = _post(
        client_api,
        f"{MINE}{booking.reference}/review/",
        {"rating": 5, "text": "Très belles tresses"},
    )

    assert response.status_code == 200, response.content
    assert response.json()["reviewed"] is True
    assert Review.objects.get().rating == 5
    assert_problem(_post(client_api, f"{MINE}{booking.reference}/review/", {"rating": 4}), 409)
    assert Review.objects.count() == 1


def test_a_taken_slot_is_a_conflict_and_changes_nothing(client_api, world):
    slot = free_slot(world["service"])
    hold(world, client=world["other"], slot=slot)
    before = _stored()

    body = assert_problem(
        _post(client_api, MINE, {"service": world["service"].pk, "start": slot.start.isoformat()}),
        409,
    )

    assert body["detail"] == "Ce créneau vient d'être pris. Choisissez-en un autre."
    assert _stored() == before


def test_a_held_booking_cannot_be_reviewed_or_moved(client_api, world):
    held = _hold_through_api(client_api, world)
    before = _stored()
    later = free_slot(world["service"], 4)

    assert_problem(_post(client_api, f"{MINE}{held['reference']}/review/", {"rating": 5}), 409)
    assert_problem(
        _post(client_api, f"{MINE}{held['reference']}/move/", {"start": later.start.isoformat()}),
        409,
    )

    assert _stored() == before


# --- Role by role ------------------------------------------------------------------------


def test_anonymous_caller_must_sign_in(api, world):
    booking = hold(world)
    before = _stored()

    assert_problem(api.get(MINE), 401)
    assert_problem(api.get(f"{MINE}{booking.reference}/"), 401)
    assert_problem(_post(api, MINE, {"service": world["service"].pk, "start": "x"}), 401)
    for action in ("deposit", "move", "cancel", "review"):
        assert_problem(_post(api, f"{MINE}{booking.reference}/{action}/"), 401)

    assert _stored() == before


@pytest.mark.parametrize("who", ["stranger", "professional"])
def test_someone_elses_booking_is_not_found(world, who):
    caller = app_client(
        "autre.cliente@example.cm" if who == "stranger" else "awa.tresses@example.cm"
    )
    booking = move_to_past(confirmed_booking(world))
    changes.mark_completed(booking=booking, user=world["awa"])
    later = free_slot(world["service"], 2)
    before = _stored()

    assert_problem(caller.get(f"{MINE}{booking.reference}/"), 404)
    assert_problem(_post(caller, f"{MINE}{booking.reference}/deposit/"), 404)
    assert_problem(
        _post(caller, f"{MINE}{booking.reference}/move/", {"start": later.start.isoformat()}), 404
    )
    assert_problem(_post(caller, f"{MINE}{booking.reference}/cancel/"), 404)
    assert_problem(_post(caller, f"{MINE}{booking.reference}/review/", {"rating": 1}), 404)
    assert caller.get(MINE).json()["results"] == []

    assert _stored() == before


def test_the_professional_cannot_book_her_own_service(world):
    awa = app_client("awa.tresses@example.cm")
    slot = free_slot(world["service"])
    before = _stored()

    assert_problem(
        _post(awa, MINE, {"service": world["service"].pk, "start": slot.start.isoformat()}), 409
    )

    assert _stored() == before


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"service": "SERVICE", "start": "tomorrow at ten"}, 400, "start"),
        ({"service": "SERVICE", "start": "2030-01-01T10:00:00"}, 400, "start"),
        ({"service": "SERVICE", "start": "0001-01-01T10:00:00+01:00"}, 400, "start"),
        ({"service": "SERVICE"}, 400, "start"),
        ({"service": "abc", "start": "SLOT"}, 400, "service"),
        ({"service": 999999, "start": "SLOT"}, 400, None),
        ({"service": "SERVICE", "start": "SLOT", "deposit_xaf": 0}, 400, "deposit_xaf"),
        ({"service": "SERVICE", "start": ["SLOT"]}, 400, "start"),
        ({"service": "SERVICE", "start": "2020-01-01T10:00:00+01:00"}, 409, None),
    ],
)
def test_bad_holds_hold_nothing(client_api, world, body, status, field):
    slot = free_slot(world["service"])
    values = {"SERVICE": world["service"].pk, "SLOT": slot.start.isoformat()}

    def filled(value):
        if isinstance(value, list):
            return [filled(item) for item in value]
        return values.get(value, value) if isinstance(value, str) else value

    body = {key: filled(value) for key, value in body.items()}
    before = _stored()

    problem = assert_problem(_post(client_api, MINE, body), status)

    if field:
        assert field in problem["errors"]
    assert _stored() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rating": 6}, "rating"),
        ({"rating": "five"}, "rating"),
        ({"rating": 5, "text": "x" * 2001}, "text"),
        ({"rating": 5, "stars": 5}, "stars"),
        ({}, "rating"),
    ],
)
def test_bad_reviews_change_nothing(client_api, world, body, field):
    booking = move_to_past(confirmed_booking(world))
    changes.mark_completed(booking=booking, user=world["awa"])
    before = _stored()

    problem = assert_problem(_post(client_api, f"{MINE}{booking.reference}/review/", body), 400)

    assert field in problem["errors"]
    assert _stored() == before


def test_malformed_too_big_or_form_bodies_change_nothing(client_api, world):
    booking = confirmed_booking(world)
    before = _stored()
    huge = '{"start": "' + "1" * (2 * 1024 * 1024) + '"}'

    for url in (MINE, f"{MINE}{booking.reference}/move/", f"{MINE}{booking.reference}/review/"):
        assert_problem(client_api.post(url, '{"start": ', content_type="application/json"), 400)
        assert_problem(client_api.post(url, "[1]", content_type="application/json"), 400)
        assert_problem(client_api.post(url, huge, content_type="application/json"), 413)
        assert_problem(
            client_api.post(url, "start=x", content_type="application/x-www-form-urlencoded"), 415
        )
    assert_problem(client_api.get(f"{MINE}not-a-reference/"), 404)

    assert _stored() == before
