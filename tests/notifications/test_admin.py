"""Moderators read notifications, messages sent and push subscriptions in the Wagtail
admin; nobody edits them there."""

import pytest

from notifications.models import Notification, OutboundMessage
from notifications.services import notify

from .notifying import a_message, person, subscribe_a_browser

SECTIONS = {
    "notifications_centre": "Paiement reçu",
    "notifications_outbound": "+237677001122",
    "notifications_push": "fcm.googleapis.com",
}


@pytest.mark.django_db
def test_moderator_reads_what_was_sent_but_cannot_edit_it(client, moderator):
    awa = person()
    subscribe_a_browser(awa)
    notify(awa, "payment_received", message=a_message())
    client.force_login(moderator)

    for section, shown in SECTIONS.items():
        listing = client.get(f"/admin/{section}/")
        assert listing.status_code == 200, section
        assert shown in listing.text, section
    notification = Notification.objects.get()
    assert client.get(f"/admin/notifications_centre/{notification.pk}/").status_code == 200
    message = OutboundMessage.objects.filter(channel="sms").get()
    assert client.get(f"/admin/notifications_outbound/{message.pk}/").status_code == 200
    assert client.get(f"/admin/notifications_centre/edit/{notification.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_student_cannot_open_them(client, student):
    client.force_login(student)
    for section in SECTIONS:
        assert client.get(f"/admin/{section}/").status_code in (302, 403)
