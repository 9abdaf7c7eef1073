"""A professional's audience becomes events after the commit, counted for her
default-locale page whatever the language the client used, with ids only."""

import pytest
from django.test import Client

from analytics.models import Event
from booking.changes import mark_completed, mark_no_show
from directory.models import ProfessionalPage
from messaging.conversations import start_or_get_conversation

from ..booking.conftest import confirmed_booking, free_slot, move_to_past
from ..counting import drain_counts

pytestmark = pytest.mark.django_db
K = Event.Kind
FUNNEL_KINDS = [
    K.PROFILE_VIEW,
    K.CONTACT_REVEAL,
    K.ENQUIRY,
    K.BOOKING_CONFIRMED,
    K.BOOKING_COMPLETED,
    K.BOOKING_NO_SHOW,
]


def new_events(before):
    return list(Event.objects.filter(pk__gt=before).order_by("pk"))


def english_page(professional):
    return ProfessionalPage.objects.get(
        translation_key=professional.translation_key, locale__language_code="en"
    )


def test_views_taps_and_enquiries_in_english_count_for_her_french_page(
    pro_site, django_capture_on_commit_callbacks
):
    professional, nadia = pro_site["professional"], pro_site["client"]
    english = english_page(professional)
    last = Event.objects.latest("pk").pk
    assert Client().get(english.url).status_code == 200
    drain_counts()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/en/directory/contact/{english.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        start_or_get_conversation(nadia, pro_site["awa"], "enquiry", english.pk)
    with django_capture_on_commit_callbacks(execute=True):
        # The same conversation again, and a plain one: no new enquiry.
        start_or_get_conversation(nadia, pro_site["awa"], "enquiry", english.pk)
    events = new_events(last)
    assert [e.kind for e in events] == [K.PROFILE_VIEW, K.CONTACT_REVEAL, K.ENQUIRY]
    assert {e.props["professional"] for e in events} == {professional.pk}
    assert [e.user_id for e in events] == [None, None, nadia.pk]
    assert all(set(e.props) == {"professional"} for e in events)


def test_bookings_confirmed_completed_and_missed_become_events(
    pro_site, django_capture_on_commit_callbacks
):
    professional, awa = pro_site["professional"], pro_site["awa"]
    last = Event.objects.latest("pk").pk
    with django_capture_on_commit_callbacks(execute=True):
        kept = confirmed_booking(pro_site, slot=free_slot(pro_site["service"], 8))
        missed = confirmed_booking(
            pro_site, client=pro_site["other"], slot=free_slot(pro_site["service"], 10)
        )
    with django_capture_on_commit_callbacks(execute=True):
        mark_completed(booking=move_to_past(kept, hours_ago=30), user=awa)
        mark_no_show(booking=move_to_past(missed, hours_ago=50), user=awa)
    events = [e for e in new_events(last) if e.kind in FUNNEL_KINDS]
    assert [e.kind for e in events] == [
        K.BOOKING_CONFIRMED,
        K.BOOKING_CONFIRMED,
        K.BOOKING_COMPLETED,
        K.BOOKING_NO_SHOW,
    ]
    assert {e.props["professional"] for e in events} == {professional.pk}
    assert [e.user_id for e in events][2:] == [pro_site["client"].pk, pro_site["other"].pk]
