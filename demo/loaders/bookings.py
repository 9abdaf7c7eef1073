"""Demo bookings: opening hours for every demo professional, and for the demo client
one confirmed appointment to come, one completed appointment waiting for a review and
an online consultation to come (demo/content/bookings.yaml). Idempotent: hours are
found again by professional, bookings by client and professional (or service)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from booking.models import Booking, Schedule, WeeklyHours
from booking.selectors import free_slots_for
from booking.slots import DOUALA
from booking.video_rooms import new_room_name
from demo.content import read
from directory.models import ProfessionalPage, Service

DATA = read("bookings")
DEMO_CLIENT = DATA["client"]
OPENING = [
    (datetime.time.fromisoformat(hours["start"]), datetime.time.fromisoformat(hours["end"]))
    for hours in DATA["opening_hours"]
]


def load():
    professionals = list(
        ProfessionalPage.objects.filter(locale=Locale.get_default(), live=True)
        .select_related("user")
        .order_by("pk")
    )
    for professional in professionals:
        _schedule(professional)
    client = User.objects.filter(email=DEMO_CLIENT).first()
    if client is None or not professionals:
        return
    _with_first(client, professionals[0])
    if DATA.get("online_consultation"):
        _online(client)


def _with_first(client, first):
    service = first.services.filter(is_active=True).order_by("pk").first()
    if service is None or Booking.objects.filter(client=client, professional=first).exists():
        return
    _upcoming(client, service)
    _completed(client, service)


def _schedule(professional):
    schedule, created = Schedule.objects.get_or_create(professional=professional)
    if created:
        WeeklyHours.objects.bulk_create(
            WeeklyHours(schedule=schedule, weekday=day, start_time=start, end_time=end)
            for day in range(DATA["open_weekdays"])
            for start, end in OPENING
        )
    return schedule


def _booking(client, service, start, status):
    return Booking.objects.create(
        professional=service.professional,
        service=service,
        client=client,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=service.duration_minutes),
        status=status,
        hold_expires_at=start,
        price_xaf=service.price_xaf,
        deposit_xaf=service.deposit_xaf(),
        # Online ones open in the sandbox room unless Jitsi is configured.
        video_room=new_room_name() if service.is_online else "",
        confirmed_at=timezone.now(),
        # The demo shows no old e-mails: pretend they went out when it happened.
        confirmation_sent_at=timezone.now(),
    )


def _upcoming(client, service):
    slots = free_slots_for(service=service)
    if slots:
        _booking(client, service, slots[min(5, len(slots) - 1)].start, Booking.Status.CONFIRMED)


def _completed(client, service):
    day = timezone.localdate() - datetime.timedelta(days=3)
    while day.weekday() == 6:
        day -= datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time(10), tzinfo=DOUALA)
    booking = _booking(client, service, start, Booking.Status.COMPLETED)
    booking.reminded_at = start - datetime.timedelta(hours=20)
    booking.save(update_fields=["reminded_at"])


def _online(client):
    service = (
        Service.objects.filter(
            is_active=True,
            is_online=True,
            professional__live=True,
            professional__locale=Locale.get_default(),
        )
        .select_related("professional")
        .order_by("pk")
        .first()
    )
    if service is None or Booking.objects.filter(client=client, service=service).exists():
        return
    slots = free_slots_for(service=service)
    if slots:
        _booking(client, service, slots[0].start, Booking.Status.CONFIRMED)
