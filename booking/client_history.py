"""A professional's clients as her bookings tell them (visits, services, spend,
no-shows) and what her appointments were worth month by month. One query each,
whatever the number of bookings."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language

from .models import Booking

S = Booking.Status
# Bookings that make someone her client: paid for, then kept or missed.
KEPT_OR_MISSED = (S.CONFIRMED, S.COMPLETED, S.NO_SHOW)


@dataclass
class ClientHistory:
    client_id: int
    name: str
    visits: int = 0
    no_shows: int = 0
    to_come: int = 0
    spend_xaf: int = 0
    last_visit: date | None = None
    services: list = field(default_factory=list)


def clients_of(professional_id, *, now=None):
    """Her clients, the latest seen first: completed visits, no-shows, confirmed
    appointments to come, what they spent (price of completed visits) and the services."""
    now = now or timezone.now()
    english = (get_language() or "fr").startswith("en")
    rows = (
        Booking.objects.filter(professional_id=professional_id, status__in=KEPT_OR_MISSED)
        .values(
            "client_id",
            "client__first_name",
            "client__last_name",
            "status",
            "service__name_en" if english else "service__name_fr",
        )
        .annotate(
            count=Count("pk"),
            to_come=Count("pk", filter=Q(starts_at__gte=now)),
            spend=Sum("price_xaf"),
            last=Max("starts_at"),
        )
        .order_by()
    )
    clients = {}
    for row in rows:
        client = clients.get(row["client_id"])
        if client is None:
            name = f"{row['client__first_name']} {row['client__last_name']}".strip()
            client = clients[row["client_id"]] = ClientHistory(row["client_id"], name)
        service = row["service__name_en" if english else "service__name_fr"]
        if row["status"] == S.COMPLETED:
            client.visits += row["count"]
            client.spend_xaf += row["spend"] or 0
            last = timezone.localdate(row["last"])
            client.last_visit = max(client.last_visit or last, last)
            if service not in client.services:
                client.services.append(service)
        elif row["status"] == S.NO_SHOW:
            client.no_shows += row["count"]
        else:
            client.to_come += row["to_come"]
    return sorted(
        clients.values(), key=lambda c: (c.last_visit or date.min, c.client_id), reverse=True
    )


def is_client(*, client_id, professional_id):
    return Booking.objects.filter(
        client_id=client_id, professional_id=professional_id, status__in=KEPT_OR_MISSED
    ).exists()


@dataclass(frozen=True)
class VisitsMonth:
    month: date
    visits: int
    value_xaf: int
    deposits_xaf: int
    no_shows: int

    @property
    def paid_on_the_day_xaf(self):
        """What the client still paid her in person: the price less the deposit."""
        return self.value_xaf - self.deposits_xaf


def visits_by_month(professional_id, *, since):
    """Completed appointments (and no-shows) per month since ``since`` (aware), newest
    first: their value, the deposits paid online for them, the rest paid on the day."""
    tz = timezone.get_default_timezone()
    rows = (
        Booking.objects.filter(
            professional_id=professional_id,
            status__in=[S.COMPLETED, S.NO_SHOW],
            starts_at__gte=since,
            starts_at__lte=timezone.now(),
        )
        .annotate(month=TruncMonth("starts_at", tzinfo=tz))
        .values("month")
        .annotate(
            visits=Count("pk", filter=Q(status=S.COMPLETED)),
            value=Sum("price_xaf", filter=Q(status=S.COMPLETED), default=0),
            deposits=Sum("deposit_xaf", filter=Q(status=S.COMPLETED), default=0),
            no_shows=Count("pk", filter=Q(status=S.NO_SHOW)),
        )
        .order_by("-month")
    )
    return [
        VisitsMonth(
            month=timezone.localtime(row["month"], tz).date(),
            visits=row["visits"],
            value_xaf=row["value"],
            deposits_xaf=row["deposits"],
            no_shows=row["no_shows"],
        )
        for row in rows
    ]
