"""A professional with a fortnight of audience events, clients and deposits, and four
other braiders in her town for the price guidance: built once per module."""

import datetime

from django.utils import timezone

from analytics import professional_rollups
from analytics.models import Event
from booking.changes import mark_completed, mark_no_show
from booking.models import Booking
from directory.models import Service, ServiceCategory

from ..booking.conftest import build_booking_site, confirmed_booking, free_slot
from ..directory.builders import make_professional
from ..shared_build import built_once_per_module

K = Event.Kind
# Per day back from today: (views, reveals, enquiries, bookings, completed).
AUDIENCE = {0: (5, 2, 1, 1, 0), 1: (3, 1, 1, 0, 1), 9: (7, 3, 2, 1, 1), 40: (4, 1, 0, 0, 0)}
# With hers (10 000 FCFA), five braiders in Douala: just enough for price guidance.
OTHER_BRAIDERS = (8000, 9000, 12000, 15000)


def _at(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


def _past(booking, *, days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago, hours=2)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=start, ends_at=start + (booking.ends_at - booking.starts_at)
    )
    booking.refresh_from_db()
    return booking


def build_pro_dashboard():
    site = build_booking_site()
    professional, awa = site["professional"], site["awa"]
    # Nadia comes twice (a returning client) and has one more appointment to come;
    # Grace did not come.
    for index, days_ago in ((0, 3), (2, 12)):
        booking = _past(
            confirmed_booking(site, slot=free_slot(site["service"], index)), days_ago=days_ago
        )
        mark_completed(booking=booking, user=awa)
    site["upcoming"] = confirmed_booking(site, slot=free_slot(site["service"], 4))
    missed = _past(
        confirmed_booking(site, client=site["other"], slot=free_slot(site["service"], 6)),
        days_ago=5,
    )
    mark_no_show(booking=missed, user=awa)
    # A nails service nobody else offers in Douala: not enough data to compare.
    site["nails"] = Service.objects.create(
        professional=professional,
        category=ServiceCategory.objects.get(slug="nails"),
        name_fr="Ongles",
        name_en="Nails",
        duration_minutes=45,
        price_xaf=7000,
        deposit_value=1000,
    )
    for number, price in enumerate(OTHER_BRAIDERS):
        make_professional(
            site["index"],
            f"Tresseuse {number}",
            services=[("braiding", price)],
            translate=False,
        )
    make_professional(
        site["index"],
        "Yaoundé Tresses",
        town="yaounde",
        services=[("braiding", 1000)],
        translate=False,
    )
    columns = (
        K.PROFILE_VIEW,
        K.CONTACT_REVEAL,
        K.ENQUIRY,
        K.BOOKING_CONFIRMED,
        K.BOOKING_COMPLETED,
    )
    events = []
    for days_ago, counts in AUDIENCE.items():
        for kind, count in zip(columns, counts, strict=True):
            events += [
                Event(kind=kind, props={"professional": professional.pk}, occurred_at=_at(days_ago))
                for _ in range(count)
            ]
    # Someone else's audience, which must not show on hers.
    events.append(Event(kind=K.PROFILE_VIEW, props={"professional": professional.pk + 999}))
    Event.objects.bulk_create(events)
    today = timezone.localdate()
    for back in range(45):
        professional_rollups.roll_up(today - datetime.timedelta(days=back))
    return site


pro_site = built_once_per_module(build_pro_dashboard, "pro_site")
