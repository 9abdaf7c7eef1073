"""A client chooses a free slot, it is held while the deposit is paid, payment confirms."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from booking import selectors, tasks
from booking.models import Booking, TimeOff
from booking.slots import DOUALA
from checkout.models import Order
from notifications import sms

from .conftest import add_service, free_slot, hold, login, pay_deposit


def slots_url(service):
    return f"/fr/bookings/service/{service.pk}/"


def test_anyone_sees_the_free_slots_of_a_service(client, booking_site):
    response = client.get(slots_url(booking_site["service"]))
    first = free_slot(booking_site["service"])
    assert response.status_code == 200
    assert "Tresses" in response.text
    assert f'value="{first.start.isoformat()}"' in response.text
    assert "2\u00a0000\u00a0FCFA" in response.text  # the deposit


def test_choosing_a_slot_holds_it_for_fifteen_minutes_and_leads_to_the_deposit(
    client, booking_site
):
    login(client, "cliente@example.cm")
    slot = free_slot(booking_site["service"])
    response = client.post(slots_url(booking_site["service"]), {"start": slot.start.isoformat()})
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/checkout/buy/booking/{booking.pk}/"
    assert booking.status == Booking.Status.HELD
    assert booking.starts_at == slot.start
    assert booking.ends_at == slot.start + datetime.timedelta(minutes=60)
    assert booking.deposit_xaf == 2000
    remaining = booking.hold_expires_at - timezone.now()
    assert datetime.timedelta(minutes=14) < remaining <= datetime.timedelta(minutes=15)


def test_a_held_slot_is_no_longer_offered_to_others(booking_site):
    slot = free_slot(booking_site["service"])
    hold(booking_site, slot=slot)
    assert slot not in selectors.free_slots_for(service=booking_site["service"])


def test_anonymous_visitor_is_asked_to_log_in_before_a_slot_is_held(client, booking_site):
    slot = free_slot(booking_site["service"])
    response = client.post(slots_url(booking_site["service"]), {"start": slot.start.isoformat()})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Booking.objects.exists()


def test_paying_the_deposit_confirms_and_tells_both_sides_with_a_calendar_file(
    booking_site, django_capture_on_commit_callbacks
):
    booking = hold(booking_site)
    with django_capture_on_commit_callbacks(execute=True):
        order = pay_deposit(booking)
    booking.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.amount_xaf == 2000
    assert order.payee == booking_site["awa"]
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.order == order
    confirmations = [message for message in mail.outbox if message.attachments]
    assert sorted(message.to[0] for message in confirmations) == [
        "awa.tresses@example.cm",
        "cliente@example.cm",
    ]
    name, calendar, mimetype = confirmations[0].attachments[0]
    assert mimetype == "text/calendar"
    assert f"UID:{booking.reference}@" in calendar
    assert "BEGIN:VEVENT" in calendar
    client_mail = next(m for m in confirmations if m.to == ["cliente@example.cm"])
    assert "+237699001122" in client_mail.body  # the professional's WhatsApp
    assert {to for to, _text in sms.outbox} >= {"+237677334455", "+237677001122"}


def test_the_confirmation_is_sent_once_even_if_the_task_runs_twice(
    booking_site, django_capture_on_commit_callbacks
):
    booking = hold(booking_site)
    with django_capture_on_commit_callbacks(execute=True):
        pay_deposit(booking)
    sent = len(mail.outbox)
    assert tasks.send_confirmation.delay(booking.pk).get() == "already sent"
    assert len(mail.outbox) == sent


def test_the_price_comes_from_the_service_whatever_the_request_says(client, booking_site):
    login(client, "cliente@example.cm")
    slot = free_slot(booking_site["service"])
    client.post(
        slots_url(booking_site["service"]),
        {"start": slot.start.isoformat(), "price_xaf": "1", "deposit_xaf": "1", "amount": "1"},
    )
    booking = Booking.objects.get()
    assert (booking.price_xaf, booking.deposit_xaf) == (10000, 2000)
    page = client.get(f"/fr/checkout/buy/booking/{booking.pk}/")
    assert "2\u00a0000\u00a0FCFA" in page.text


def test_a_service_without_deposit_is_confirmed_at_once(booking_site):
    free = add_service(booking_site["professional"], name="Conseil", deposit=0, minutes=30)
    slot = selectors.free_slots_for(service=free)[0]
    from booking import services

    booking = services.hold_slot(
        client=booking_site["client"], service_id=free.pk, starts_at=slot.start
    )
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.order is None


def test_an_online_service_gets_an_unguessable_video_room(booking_site):
    online = add_service(booking_site["professional"], name="Diagnostic", is_online=True)
    slot = selectors.free_slots_for(service=online)[0]
    from booking import services

    first = services.hold_slot(
        client=booking_site["client"], service_id=online.pk, starts_at=slot.start
    )
    second = services.hold_slot(
        client=booking_site["other"],
        service_id=online.pk,
        starts_at=selectors.free_slots_for(service=online)[0].start,
    )
    # 128 random bits in lower-case hex (Jitsi lower-cases room names); no public link.
    assert re.fullmatch(r"bsa-[0-9a-f]{32}", first.video_room)
    assert first.video_room != second.video_room
    assert not booking_site["service"].is_online and hold(booking_site).video_room == ""


def test_an_unpaid_hold_expires_and_frees_the_slot(booking_site):
    slot = free_slot(booking_site["service"])
    booking = hold(booking_site, slot=slot)
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert slot in selectors.free_slots_for(service=booking_site["service"])
    assert tasks.expire_unpaid_holds.delay().get() == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.EXPIRED
    assert tasks.expire_unpaid_holds.delay().get() == 0


def test_an_expired_hold_cannot_be_paid_any_more(client, booking_site):
    booking = hold(booking_site)
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    login(client, "cliente@example.cm")
    response = client.get(f"/fr/checkout/buy/booking/{booking.pk}/")
    assert response.status_code == 409
    assert "plus réservé pour vous" in response.text
    assert not Order.objects.exists()


def test_a_late_payment_still_confirms_when_the_slot_is_still_free(
    booking_site, django_capture_on_commit_callbacks
):
    booking = hold(booking_site)
    from checkout import services as checkout

    order = checkout.create_order(user=booking.client, item_type="booking", item_id=booking.pk)
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    tasks.expire_unpaid_holds.delay()
    from ..checkout.conftest import pay_order

    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.refund_due_xaf == 0


def test_a_late_payment_for_a_slot_taken_meanwhile_is_refunded_and_the_client_told(
    booking_site, django_capture_on_commit_callbacks
):
    slot = free_slot(booking_site["service"])
    late = hold(booking_site, slot=slot)
    from checkout import services as checkout

    order = checkout.create_order(user=late.client, item_type="booking", item_id=late.pk)
    Booking.objects.filter(pk=late.pk).update(
        hold_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    taker = hold(booking_site, client=booking_site["other"], slot=slot)
    from ..checkout.conftest import pay_order

    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)
    late.refresh_from_db()
    order.refresh_from_db()
    assert late.status == Booking.Status.EXPIRED
    assert late.refunded_at is not None
    assert order.status == Order.Status.REFUNDED
    assert Booking.objects.get(pk=taker.pk).status == Booking.Status.HELD
    told = [m for m in mail.outbox if m.to == ["cliente@example.cm"]]
    assert any("remboursé" in m.body for m in told)
    assert any("remboursé" in text for to, text in sms.outbox if to == "+237677334455")


def test_the_slots_page_shows_a_week_at_a_time(client, booking_site):
    service = booking_site["service"]
    today = timezone.localdate()
    first_week = client.get(slots_url(service))
    later = today + datetime.timedelta(days=7)
    assert f"?from={later:%Y-%m-%d}" in first_week.text
    second_week = client.get(f"{slots_url(service)}?from={later:%Y-%m-%d}")
    slot_in_second_week = next(
        slot
        for slot in selectors.free_slots_for(service=service)
        if slot.start.astimezone(DOUALA).date() == later
    )
    assert slot_in_second_week.start.isoformat() in second_week.text
    assert slot_in_second_week.start.isoformat() not in first_week.text
    for garbage in ("hier", "1999-01-01", "2026-02-30"):
        assert client.get(f"{slots_url(service)}?from={garbage}").status_code == 200


def test_the_profile_offers_a_book_link_per_service(client, booking_site):
    professional = booking_site["professional"]
    response = client.get(professional.url)
    assert response.status_code == 200
    assert slots_url(booking_site["service"]) in response.text


def test_the_directory_lists_professionals_available_on_a_day(client, booking_site):
    day = timezone.localdate() + datetime.timedelta(days=3)
    index = booking_site["index"]
    response = client.get(f"{index.url}?available_on={day:%Y-%m-%d}")
    assert response.status_code == 200
    assert "Awa Tresses" in response.text
    TimeOff.objects.create(
        schedule=booking_site["schedule"],
        starts_at=datetime.datetime.combine(day, datetime.time(), tzinfo=DOUALA),
        ends_at=datetime.datetime.combine(
            day + datetime.timedelta(days=1), datetime.time(), tzinfo=DOUALA
        ),
    )
    assert "Awa Tresses" not in client.get(f"{index.url}?available_on={day:%Y-%m-%d}").text
