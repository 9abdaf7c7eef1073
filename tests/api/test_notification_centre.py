"""The notification centre through the API: her own list, the bell's count, marking
one or all read; another person's notifications are not found."""

import pytest

from notifications.models import Notification

from .conftest import app_client, assert_problem

pytestmark = pytest.mark.django_db

CENTRE = "/api/v1/me/notifications/"


def _told(user, count, *, in_site=True):
    return [
        Notification.objects.create(
            user=user,
            kind="payment_received",
            title=f"Paiement {number}",
            body="5 000 FCFA",
            url="/fr/account/orders/",
            in_site=in_site,
        )
        for number in range(count)
    ]


def _read_marks():
    return list(Notification.objects.order_by("pk").values_list("read_at", flat=True))


def test_she_lists_her_centre_newest_first_and_counts_the_unread(world, student_api):
    _told(world["student"], 3)
    _told(world["student"], 1, in_site=False)  # waits for the digest only
    _told(world["other"], 2)

    page = student_api.get(f"{CENTRE}?page_size=2").json()
    rest = student_api.get(page["next"]).json()
    unread = student_api.get(f"{CENTRE}unread/")

    assert [n["title"] for n in page["results"] + rest["results"]] == [
        "Paiement 2",
        "Paiement 1",
        "Paiement 0",
    ]
    assert page["results"][0]["read_at"] is None
    assert unread.json() == {"unread": 3, "label": "3"}
    assert "private" in unread["Cache-Control"]
    assert student_api.get(f"{CENTRE}unread/", HTTP_IF_NONE_MATCH=unread["ETag"]).status_code == 304


def test_she_marks_one_then_all_read(world, student_api):
    first, second, third = _told(world["student"], 3)
    [others] = _told(world["other"], 1)

    one = student_api.post(f"{CENTRE}{second.pk}/read/")
    after_one = student_api.get(f"{CENTRE}unread/").json()
    everything = student_api.post(f"{CENTRE}read/")

    assert one.status_code == 200
    assert (one.json()["id"], one.json()["read_at"] is not None) == (second.pk, True)
    assert after_one["unread"] == 2
    assert everything.json() == {"unread": 0, "label": "0"}
    others.refresh_from_db()
    assert others.read_at is None


def test_the_bell_says_99_plus_beyond_its_cap(world, student_api):
    Notification.objects.bulk_create(
        [
            Notification(user=world["student"], kind="payment_received", title="x")
            for _ in range(101)
        ]
    )

    assert student_api.get(f"{CENTRE}unread/").json() == {"unread": 100, "label": "99+"}


@pytest.mark.parametrize("email", ["other.student@example.cm", "aicha@example.cm"])
def test_another_persons_notification_is_not_found_and_stays_unread(world, email):
    [hers] = _told(world["student"], 1)
    caller = app_client(email)
    before = _read_marks()

    assert_problem(caller.post(f"{CENTRE}{hers.pk}/read/"), 404)
    assert caller.get(CENTRE).json()["results"] == []
    assert caller.post(f"{CENTRE}read/").json()["unread"] == 0

    assert _read_marks() == before


def test_a_notification_only_waiting_for_the_digest_is_not_in_the_centre(world, student_api):
    [digest_only] = _told(world["student"], 1, in_site=False)
    before = _read_marks()

    assert_problem(student_api.post(f"{CENTRE}{digest_only.pk}/read/"), 404)
    assert_problem(student_api.post(f"{CENTRE}99999999/read/"), 404)
    assert _read_marks() == before


def test_bad_input_and_anonymous_callers(api, world, student_api):
    [hers] = _told(world["student"], 1)
    before = _read_marks()

    assert_problem(student_api.get(f"{CENTRE}?cursor=%%%bad"), 404)
    assert_problem(api.get(CENTRE), 401)
    assert_problem(api.get(f"{CENTRE}unread/"), 401)
    assert_problem(api.post(f"{CENTRE}{hers.pk}/read/"), 401)
    assert _read_marks() == before
