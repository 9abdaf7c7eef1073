"""The booking demo: opening hours for every professional, two bookings for the demo
client, nothing doubled when it runs again."""

from booking import calls
from booking.models import Booking, Schedule
from demo.loaders import bookings as demo

from ..conftest import make_person
from .conftest import add_service, login


def test_demo_bookings_load_once(booking_site):
    make_person(demo.DEMO_CLIENT, is_client=True)
    demo.load()
    demo.load()
    assert Schedule.objects.filter(professional=booking_site["professional"]).count() == 1
    statuses = sorted(Booking.objects.values_list("status", flat=True))
    assert statuses == [Booking.Status.COMPLETED, Booking.Status.CONFIRMED]


def test_the_demo_client_has_an_online_consultation_that_opens_the_sandbox_room(
    client, booking_site
):
    online = add_service(booking_site["professional"], name="Diagnostic", is_online=True)
    make_person(demo.DEMO_CLIENT, is_client=True)
    demo.load()
    demo.load()
    consultation = Booking.objects.get(service=online)
    assert consultation.status == Booking.Status.CONFIRMED and consultation.video_room
    assert calls.join_link(consultation).endswith(f"/bookings/{consultation.reference}/call/")
    login(client, demo.DEMO_CLIENT)
    page = client.get(f"/fr/bookings/{consultation.reference}/")
    assert f"/fr/bookings/{consultation.reference}/call/" in page.text
