"""An online consultation on two 360x800 phones, in French: the client and the
professional each tap "Join the video call" on the booking and meet in the sandbox
room, which shows who is there; the client leaves. A third person gets a clear refusal."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from booking import selectors, services
from booking.models import Booking

from ..booking.conftest import add_service, pay_deposit
from .helpers import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def consultation_starting_soon(site):
    online = add_service(site["professional"], name="Diagnostic", is_online=True)
    slot = selectors.free_slots_for(service=online)[0]
    booking = services.hold_slot(client=site["client"], service_id=online.pk, starts_at=slot.start)
    pay_deposit(booking)
    start = timezone.now() + datetime.timedelta(minutes=5)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(minutes=60)
    )
    return Booking.objects.get(pk=booking.pk)


def test_client_and_professional_meet_in_the_sandbox_room(
    live_server, page, other_page, screenshot, booking_site
):
    booking = consultation_starting_soon(booking_site)
    detail = f"{live_server.url}/fr/bookings/{booking.reference}/"
    log_in(live_server, page, "cliente@example.cm", "fr")
    page.goto(detail)
    screenshot("video-call-booking-fr")
    page.get_by_role("link", name="Rejoindre l'appel vidéo").click()
    expect(page.get_by_role("heading", name="Appel vidéo")).to_be_visible()

    log_in(live_server, other_page, "awa.tresses@example.cm", "fr")
    other_page.goto(detail)
    other_page.get_by_role("link", name="Rejoindre l'appel vidéo").click()
    expect(other_page.get_by_text("2 personnes présentes")).to_be_visible()
    expect(other_page.get_by_text("Nadia Mbarga")).to_be_visible()
    screenshot("video-call-room-fr", of=other_page)

    page.get_by_role("button", name="Quitter").click()
    expect(page.get_by_text("Vous avez quitté l'appel vidéo.")).to_be_visible()
    other_page.reload()
    expect(other_page.get_by_text("1 personne présente")).to_be_visible()


def test_a_third_person_is_told_the_call_is_not_theirs(live_server, page, screenshot, booking_site):
    booking = consultation_starting_soon(booking_site)
    log_in(live_server, page, "autre.cliente@example.cm", "fr")
    page.goto(f"{live_server.url}/fr/bookings/{booking.reference}/call/")
    expect(page.get_by_role("alert")).to_contain_text("peuvent rejoindre son appel vidéo")
    screenshot("video-call-refused-fr")
