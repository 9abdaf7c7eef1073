"""Kinds meant for moderators (a refund waiting for staff, a ledger mismatch, a deposit
refund that could not start) are on moderators' preferences page only. They used to be
listed for every student, who could "choose" notices they never receive."""

import pytest

from notifications.models import NotificationPreference
from notifications.preferences import save_choices

from .notifying import person

URL = "/fr/notifications/preferences/"
STAFF_KINDS = ("refund_waiting_for_staff", "ledger_mismatch", "booking_deposit_refund_stuck")


@pytest.mark.django_db
def test_a_student_does_not_see_staff_kinds(client):
    client.force_login(person())

    page = client.get(URL).content.decode()

    assert 'name="pref:payment_received:email"' in page
    for key in STAFF_KINDS:
        assert f'name="pref:{key}:' not in page


@pytest.mark.django_db
def test_a_moderator_sees_and_chooses_staff_kinds(client, moderator):
    client.force_login(moderator)

    page = client.get(URL).content.decode()
    response = client.post(URL, {"pref:ledger_mismatch:site": "on"})

    for key in STAFF_KINDS:
        assert f'name="pref:{key}:email"' in page
    assert response.status_code == 302
    assert NotificationPreference.objects.filter(
        user=moderator, kind="ledger_mismatch", channel="email", enabled=False
    ).exists()


@pytest.mark.django_db
def test_a_student_posting_a_staff_kind_is_refused_and_nothing_is_stored(client):
    awa = person()
    client.force_login(awa)

    response = client.post(URL, {"pref:refund_waiting_for_staff:email": "on"})

    assert response.status_code == 400
    assert "refund_waiting_for_staff" in response.content.decode()
    assert not NotificationPreference.objects.exists()


@pytest.mark.django_db
def test_saving_a_page_without_staff_kinds_keeps_the_staff_choices(moderator):
    NotificationPreference.objects.create(
        user=moderator, kind="ledger_mismatch", channel="email", enabled=False
    )
    moderator.groups.clear()  # no longer a moderator: the page shows no staff kinds

    save_choices(user=moderator, enabled=set())

    staff_rows = NotificationPreference.objects.filter(kind__in=STAFF_KINDS)
    assert list(staff_rows.values_list("kind", "channel", "enabled")) == [
        ("ledger_mismatch", "email", False)
    ]
