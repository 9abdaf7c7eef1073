"""Demo audience and clients for the professionals' dashboards, from the rates and lists
in demo/content/professional_stats.yaml (fixed seed), rolled up day by day like the
beat task does. Idempotent: nothing is added once the first professional has clients."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from analytics import professional_rollups
from analytics.models import Event
from booking.models import Booking
from booking.slots import DOUALA
from demo.content import read
from directory.models import ProfessionalPage, Service
from directory.services import sync_listing

K = Event.Kind


def load():
    plan = read("professional_stats")
    professionals = list(
        ProfessionalPage.objects.filter(locale=Locale.get_default(), live=True).order_by("pk")
    )
    if not professionals:
        return
    first = professionals[0]
    names = plan["clients"]
    emails = [names["email"].format(number=n + 1) for n in range(len(names["first_names"]))]
    if Booking.objects.filter(professional=first, client__email__in=emails).exists():
        return
    today = timezone.localdate()
    rnd = random.Random(plan["seed"])
    events = []
    for index, professional in enumerate(professionals):
        popularity = plan["popularity"][index] if index < len(plan["popularity"]) else 1.0
        events += _audience(plan, rnd, professional, today, popularity)
    events += _appointments(plan, first, today)
    _neighbours(plan, first)
    Event.objects.bulk_create(events, batch_size=2000)
    for back in range(plan["days"] + 7, -1, -1):
        professional_rollups.roll_up(today - datetime.timedelta(days=back))


def _at(rnd, day):
    start = datetime.datetime.combine(day, datetime.time(8), tzinfo=DOUALA)
    return start + datetime.timedelta(minutes=rnd.randint(0, 12 * 60))


def _audience(plan, rnd, professional, today, popularity):
    low, high = plan["views_per_day"]
    ids = {"professional": professional.pk}
    events = []
    for back in range(plan["days"] - 1, -1, -1):
        day = today - datetime.timedelta(days=back)
        for _ in range(round(rnd.randint(low, high) * popularity)):
            when = _at(rnd, day)
            events.append(Event(kind=K.PROFILE_VIEW, props=ids, occurred_at=when))
            if rnd.random() < plan["reveal_rate"]:
                events.append(Event(kind=K.CONTACT_REVEAL, props=ids, occurred_at=when))
            if rnd.random() < plan["enquiry_rate"]:
                events.append(Event(kind=K.ENQUIRY, props=ids, occurred_at=when))
    return events


def _clients(plan):
    names = plan["clients"]
    clients = []
    for number, (first, last) in enumerate(
        zip(names["first_names"], names["last_names"], strict=True), start=1
    ):
        user, created = User.objects.get_or_create(
            email=names["email"].format(number=number),
            defaults={"first_name": first, "last_name": last, "is_client": True},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        clients.append(user)
    return clients


def _appointments(plan, professional, today):
    """Her past appointments, with the events they would have sent (booked a few days
    before, then done or missed)."""
    clients = _clients(plan)
    services = list(professional.services.filter(is_active=True).order_by("pk"))
    taken = list(
        Booking.objects.filter(professional=professional).values_list("starts_at", "ends_at")
    )
    steps = plan["appointments"]
    ids = {"professional": professional.pk}
    events = []
    for number, (days_ago, client_index) in enumerate(
        zip(steps["days_ago"], steps["clients"], strict=True), start=1
    ):
        service = services[number % len(services)]
        day = today - datetime.timedelta(days=days_ago)
        start = datetime.datetime.combine(day, datetime.time(10), tzinfo=DOUALA)
        end = start + datetime.timedelta(minutes=service.duration_minutes)
        if any(other_start < end and other_end > start for other_start, other_end in taken):
            continue
        missed = number % steps["no_show_every"] == 0
        client = clients[client_index]
        booked_at = start - datetime.timedelta(days=3, hours=5)
        Booking.objects.create(
            professional=professional,
            service=service,
            client=client,
            starts_at=start,
            ends_at=end,
            status=Booking.Status.NO_SHOW if missed else Booking.Status.COMPLETED,
            price_xaf=service.price_xaf,
            deposit_xaf=service.deposit_xaf(),
            confirmed_at=booked_at,
        )
        events.append(
            Event(kind=K.BOOKING_CONFIRMED, user_id=client.pk, props=ids, occurred_at=booked_at)
        )
        done = K.BOOKING_NO_SHOW if missed else K.BOOKING_COMPLETED
        events.append(Event(kind=done, user_id=client.pk, props=ids, occurred_at=end))
    return events


def _neighbours(plan, professional):
    """Her town's other professionals take up her kinds of service (a copy of hers at
    another price) until at least five offer each."""
    neighbours = list(
        ProfessionalPage.objects.filter(
            locale=professional.locale, live=True, town_id=professional.town_id
        )
        .exclude(pk=professional.pk)
        .order_by("pk")
    )
    steps = plan["neighbour_price_steps"]
    for service in professional.services.filter(is_active=True):
        offering = set(
            Service.objects.filter(
                category_id=service.category_id, is_active=True, professional__in=neighbours
            ).values_list("professional_id", flat=True)
        )
        for index, neighbour in enumerate(n for n in neighbours if n.pk not in offering):
            Service.objects.create(
                professional=neighbour,
                category_id=service.category_id,
                name_fr=service.name_fr,
                name_en=service.name_en,
                duration_minutes=service.duration_minutes,
                price_xaf=max(1000, service.price_xaf + steps[index % len(steps)]),
                deposit_kind=service.deposit_kind,
                deposit_value=service.deposit_value,
            )
            sync_listing(professional=neighbour)
