"""The daily digest: one e-mail instead of single ones, sent once however often the
job runs; essential mail never waits for it."""

import pytest
from django.core import mail

from notifications.digest import send_daily_digests, send_digest
from notifications.models import Notification, NotificationSettings
from notifications.preferences import save_choices
from notifications.services import notify

from .notifying import a_message, person


def wants_a_digest(user):
    NotificationSettings.objects.create(user=user, digest=True)


@pytest.mark.django_db
def test_one_digest_for_the_day_sent_once_however_often_the_job_runs(
    django_capture_on_commit_callbacks,
):
    awa = person()
    wants_a_digest(awa)
    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "payment_received", message=a_message(subject="Paiement reçu"))
        notify(awa, "certificate_ready", message=a_message(subject="Certificat prêt", sms=""))
    assert mail.outbox == []  # no single e-mails

    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests.delay().get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests.delay().get() == 0
        assert send_digest.delay(awa.pk).get() == "nothing to send"

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["awa@example.cm"]
    assert digest.subject == "Votre journée sur Beauty Skills Academy\u00a0: 2 notifications"
    assert "• Paiement reçu" in digest.body and "• Certificat prêt" in digest.body
    assert "http://testserver/fr/account/orders/" in digest.body
    assert "http://testserver/fr/notifications/preferences/" in digest.body
    assert not Notification.objects.filter(digest_batch__isnull=True, digest_due=True).exists()


@pytest.mark.django_db
def test_the_digest_speaks_the_persons_language(django_capture_on_commit_callbacks):
    peter = person("peter@example.cm", preferred_language="en", first_name="Peter")
    wants_a_digest(peter)
    notify(peter, "refund_sent", message=a_message(subject="Refund for BSA-1"))

    with django_capture_on_commit_callbacks(execute=True):
        send_daily_digests.delay()

    assert mail.outbox[0].subject == "Your day on Beauty Skills Academy: 1 notification"
    assert mail.outbox[0].body.startswith("Hello Peter,")
    assert "http://testserver/en/notifications/" in mail.outbox[0].body


@pytest.mark.django_db
def test_what_comes_after_a_digest_waits_for_the_next_one(django_capture_on_commit_callbacks):
    awa = person()
    wants_a_digest(awa)
    notify(awa, "payment_received", message=a_message(subject="Premier"))
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_digests.delay()
    notify(awa, "payment_received", message=a_message(subject="Second"))
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_digests.delay()

    assert len(mail.outbox) == 2
    assert "Premier" in mail.outbox[0].body and "Second" not in mail.outbox[0].body
    assert "Second" in mail.outbox[1].body and "Premier" not in mail.outbox[1].body


@pytest.mark.django_db
def test_essential_mail_never_waits_for_the_digest(django_capture_on_commit_callbacks):
    awa = person()
    wants_a_digest(awa)
    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "instructor_decision", message=a_message(subject="Décision", sms=""))

    assert [message.subject for message in mail.outbox] == ["Décision"]
    assert not Notification.objects.filter(digest_due=True).exists()


@pytest.mark.django_db
def test_email_switched_off_puts_nothing_in_the_digest(django_capture_on_commit_callbacks):
    awa = person()
    wants_a_digest(awa)
    save_choices(user=awa, enabled={("payment_received", "site")}, digest=True)
    notify(awa, "payment_received", message=a_message())

    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests.delay().get() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_digest_keeps_working_when_the_centre_is_switched_off(
    django_capture_on_commit_callbacks,
):
    awa = person()
    save_choices(user=awa, enabled={("payment_received", "email")}, digest=True)
    notify(awa, "payment_received", message=a_message(subject="Hors centre"))

    assert not Notification.objects.filter(in_site=True).exists()
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_digests.delay()
    assert "Hors centre" in mail.outbox[0].body
