"""The daily rollup of the professionals' funnel: one day's events (Africa/Douala) into
ProfessionalDay rows. Re-running a day replaces its rows, so it gives the same rows."""

from collections import Counter, defaultdict

from django.db import transaction

from .models import Event, ProfessionalDay
from .rollups import day_bounds

K = Event.Kind
COLUMNS = {
    K.PROFILE_VIEW: "profile_views",
    K.CONTACT_REVEAL: "contact_reveals",
    K.ENQUIRY: "enquiries",
    K.BOOKING_CONFIRMED: "bookings",
    K.BOOKING_COMPLETED: "completed",
    K.BOOKING_NO_SHOW: "no_shows",
}


@transaction.atomic
def roll_up(day):
    start, end = day_bounds(day)
    counts = defaultdict(Counter)
    events = Event.objects.filter(
        occurred_at__gte=start, occurred_at__lt=end, kind__in=list(COLUMNS)
    ).values_list("kind", "props")
    for kind, props in events.iterator():
        professional = props.get("professional")
        if isinstance(professional, int):
            counts[professional][COLUMNS[kind]] += 1
    ProfessionalDay.objects.filter(day=day).delete()
    ProfessionalDay.objects.bulk_create(
        ProfessionalDay(professional_id=professional, day=day, **count)
        for professional, count in counts.items()
    )
