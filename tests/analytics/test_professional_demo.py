"""The professionals' demo: 90 days of audience for every professional, past
appointments with returning clients for the first, neighbours enough for her price
guidance; loaded once, and the dashboard reads what the events say."""

import csv
import io
from datetime import timedelta

import pytest
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from analytics.models import Event
from analytics.rollups import day_bounds
from booking.models import Booking
from demo.loaders import professional_stats as demo

pytestmark = pytest.mark.django_db
K = Event.Kind


def test_the_demo_loads_once_and_the_dashboard_equals_its_events(pro_site):
    professional = pro_site["professional"]
    before = Booking.objects.filter(professional=professional).count()
    demo.load()
    added = Booking.objects.filter(professional=professional).count() - before
    demo.load()
    assert Booking.objects.filter(professional=professional).count() == before + added
    assert added >= 15
    client = Client()
    client.force_login(pro_site["awa"])
    rows = list(
        csv.reader(io.StringIO(client.get("/en/directory/me/stats/export/funnel.csv?days=90").text))
    )
    since = day_bounds(timezone.localdate() - timedelta(days=89))[0]
    kinds = (K.PROFILE_VIEW, K.CONTACT_REVEAL, K.ENQUIRY, K.BOOKING_CONFIRMED, K.BOOKING_COMPLETED)
    raw = [
        Event.objects.filter(
            kind=kind, props__professional=professional.pk, occurred_at__gte=since
        ).aggregate(occurrences=Sum("times", default=0))["occurrences"]
        for kind in kinds
    ]
    assert [int(row[1]) for row in rows[1:]] == raw
    assert raw[0] > raw[1] > raw[2] > 0
    page = client.get("/en/directory/me/stats/")
    assert page.context["clients"]["returning"] >= 3
    prices = list(
        csv.reader(io.StringIO(client.get("/en/directory/me/stats/export/prices.csv").text))
    )
    nails = next(row for row in prices[1:] if row[0] == "Nails")
    assert not nails[3].startswith("Not enough data")
