"""Moving and cancelling (the professional's refund policy), completed and no-show,
reviews, and the reminder sent once."""

import datetime

from django.core import mail
from django.utils import timezone

from booking import selectors, tasks
from booking.models import Booking
from checkout.models import Order
from directory.models import Review

from .conftest import confirmed_booking, free_slot, hold, login, move_to_past


def test_client_moves_a_booking_to_another_free_slot_and_both_sides_are_told(
    client, booking_site, django_capture_on_commit_callbacks
):
    booking = confirmed_booking(booking_site)
    old_slot_start = booking.starts_at
    later = free_slot(booking_site["service"], index=6)
    login(client, "cliente@example.cm")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fr/bookings/{booking.reference}/move/", {"start": later.start.isoformat()}
        )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.starts_at, booking.ends_at) == (later.start, later.end)
    assert booking.sequence == 1 and booking.status == Booking.Status.CONFIRMED
    assert any(
        slot.start == old_slot_start for slot in selectors.free_slots_for(service=booking.service)
    )
    assert len([m for m in mail.outbox if m.attachments]) == 2
    assert "SEQUENCE:1" in mail.outbox[0].attachments[0][1]


def test_moving_to_a_taken_slot_changes_nothing(client, booking_site):
    booking = confirmed_booking(booking_site)
    other_slot = free_slot(booking_site["service"], index=6)
    hold(booking_site, client=booking_site["other"], slot=other_slot)
    login(client, "cliente@example.cm")
    response = client.post(
        f"/fr/bookings/{booking.reference}/move/", {"start": other_slot.start.isoformat()}
    )
    assert response.status_code == 400
    before = booking.starts_at
    booking.refresh_from_db()
    assert booking.starts_at == before and booking.sequence == 0


def test_client_cancelling_early_gets_the_whole_deposit_back(
    client, booking_site, django_capture_on_commit_callbacks
):
    booking = confirmed_booking(booking_site)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=booking.starts_at + datetime.timedelta(days=3),
        ends_at=booking.ends_at + datetime.timedelta(days=3),
    )
    login(client, "cliente@example.cm")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/bookings/{booking.reference}/cancel/")
    booking.refresh_from_db()
    assert response.status_code == 302
    assert booking.status == Booking.Status.CANCELLED
    assert booking.cancelled_by == Booking.CancelledBy.CLIENT
    assert booking.refund_due_xaf == 2000 and booking.refunded_at is not None
    assert Order.objects.get(pk=booking.order_id).status == Order.Status.REFUNDED


def test_client_cancelling_late_gets_what_the_policy_says(
    booking_site, django_capture_on_commit_callbacks
):
    schedule = booking_site["schedule"]
    schedule.late_refund_percent = 50
    schedule.save()
    booking = confirmed_booking(booking_site)
    from booking import changes

    # 13 hours before: inside the 24 h window, so only half the deposit comes back.
    now = booking.starts_at - datetime.timedelta(hours=13)
    with django_capture_on_commit_callbacks(execute=True):
        changes.cancel_by_client(booking=booking, user=booking_site["client"], now=now)
    booking.refresh_from_db()
    order = Order.objects.get(pk=booking.order_id)
    assert booking.refund_due_xaf == 1000
    assert (order.status, order.refunded_xaf) == (Order.Status.PARTLY_REFUNDED, 1000)
    assert tasks.refund_deposit.delay(booking.pk, tasks.CANCELLED).get() == "already handled"
    order.refresh_from_db()
    assert order.refunded_xaf == 1000


def test_professional_cancelling_always_refunds_the_whole_deposit(
    client, booking_site, django_capture_on_commit_callbacks
):
    booking = confirmed_booking(booking_site)
    login(client, "awa.tresses@example.cm")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/bookings/{booking.reference}/cancel/")
    booking.refresh_from_db()
    assert booking.cancelled_by == Booking.CancelledBy.PROFESSIONAL
    assert Order.objects.get(pk=booking.order_id).refunded_xaf == 2000
    cancelled = [m for m in mail.outbox if "annulé" in m.subject.lower()]
    assert sorted(m.to[0] for m in cancelled) == ["awa.tresses@example.cm", "cliente@example.cm"]
    assert "METHOD:CANCEL" in cancelled[0].attachments[0][1]


def test_professional_marks_a_past_appointment_completed_then_the_client_reviews_it(
    client, booking_site
):
    booking = move_to_past(confirmed_booking(booking_site))
    login(client, "awa.tresses@example.cm")
    client.post(f"/fr/bookings/{booking.reference}/completed/")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.COMPLETED
    client.logout()
    login(client, "cliente@example.cm")
    page = client.get(f"/fr/bookings/{booking.reference}/")
    assert f"/fr/bookings/{booking.reference}/review/" in page.text
    response = client.post(
        f"/fr/bookings/{booking.reference}/review/", {"rating": "4", "text": "<b>Très</b> bien"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    review = Review.objects.get()
    assert booking.review == review
    assert (review.author, review.rating, review.professional) == (
        booking_site["client"],
        4,
        booking_site["professional"],
    )
    booking_site["professional"].refresh_from_db()
    assert booking_site["professional"].rating_count == 1
    assert float(booking_site["professional"].rating_average) == 4.0


def test_professional_marks_a_no_show(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    login(client, "awa.tresses@example.cm")
    client.post(f"/fr/bookings/{booking.reference}/no-show/")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.NO_SHOW


def test_an_appointment_still_to_come_cannot_be_marked_completed(client, booking_site):
    booking = confirmed_booking(booking_site)
    login(client, "awa.tresses@example.cm")
    response = client.post(f"/fr/bookings/{booking.reference}/completed/", follow=True)
    assert "pas encore commencé" in response.text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_the_client_cannot_mark_their_own_booking_completed(client, booking_site):
    booking = move_to_past(confirmed_booking(booking_site))
    login(client, "cliente@example.cm")
    response = client.post(f"/fr/bookings/{booking.reference}/completed/", follow=True)
    assert "pas la vôtre" in response.text
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_the_reminder_goes_once_even_when_the_task_runs_twice(
    booking_site, django_capture_on_commit_callbacks
):
    booking = confirmed_booking(booking_site)
    soon = timezone.now() + datetime.timedelta(hours=20)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=soon, ends_at=soon + datetime.timedelta(hours=1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_due_reminders.delay().get() == 1
        assert tasks.send_due_reminders.delay().get() == 0
    reminders = [m for m in mail.outbox if m.subject.startswith("Rappel")]
    assert sorted(m.to[0] for m in reminders) == ["awa.tresses@example.cm", "cliente@example.cm"]


def test_no_reminder_for_appointments_more_than_a_day_away(booking_site):
    confirmed_booking(booking_site, slot=free_slot(booking_site["service"], index=40))
    assert tasks.send_due_reminders.delay().get() == 0


def test_the_client_sees_the_contact_details_only_once_confirmed(client, booking_site):
    booking = hold(booking_site)
    login(client, "cliente@example.cm")
    held = client.get(f"/fr/bookings/{booking.reference}/")
    assert "+237699001122" not in held.text
    from .conftest import pay_deposit

    pay_deposit(booking)
    confirmed = client.get(f"/fr/bookings/{booking.reference}/")
    assert "+237699001122" in confirmed.text
    calendar = client.get(f"/fr/bookings/{booking.reference}/calendar.ics")
    assert calendar["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in calendar.content


def test_a_moderators_full_refund_cancels_the_booking_and_frees_the_slot(booking_site, moderator):
    from checkout.models import Payment
    from checkout.refunds import refund_payment

    booking = confirmed_booking(booking_site)
    payment = Payment.objects.get(order_id=booking.order_id, status=Payment.Status.PAID)
    refund_payment(payment=payment, amount_xaf=2000, reason="support", requested_by=moderator)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    starts = [slot.start for slot in selectors.free_slots_for(service=booking.service)]
    assert booking.starts_at in starts
