"""The daily rollup of the professionals' funnel: one day's events (Africa/Douala) into
ProfessionalDay rows, the occurrences (sum of ``times``: drained profile views are one
row per minute) counted in SQL per kind and professional. Re-running a day
replaces its rows, so it gives the same rows."""

from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Sum
from django.db.models.fields.json import KeyTransform

from .models import Event, ProfessionalDay
from .rollups import day_bounds, events_between

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
    rows = (
        events_between(start, end)
        .filter(kind__in=list(COLUMNS), props__has_key="professional")
        .values("kind", professional=KeyTransform("professional", "props"))
        .annotate(events=Sum("times"))
    )
    for row in rows:
        # Only whole-number ids count (bool is an int in Python, never a page id).
        professional = row["professional"]
        if isinstance(professional, int) and not isinstance(professional, bool):
            counts[professional][COLUMNS[row["kind"]]] += row["events"]
    ProfessionalDay.objects.filter(day=day).delete()
    ProfessionalDay.objects.bulk_create(
        ProfessionalDay(professional_id=professional, day=day, **count)
        for professional, count in counts.items()
    )
