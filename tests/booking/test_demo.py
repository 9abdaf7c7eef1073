"""The booking demo: opening hours for every professional, two bookings for the demo
client, nothing doubled when it runs again."""

from booking.models import Booking, Schedule
from demo.loaders import bookings as demo

from ..conftest import make_person


def test_demo_bookings_load_once(booking_site):
    make_person(demo.DEMO_CLIENT, is_client=True)
    demo.load()
    demo.load()
    assert Schedule.objects.filter(professional=booking_site["professional"]).count() == 1
    statuses = sorted(Booking.objects.values_list("status", flat=True))
    assert statuses == [Booking.Status.COMPLETED, Booking.Status.CONFIRMED]
