"""notify() follows each person's choices: every kind, every channel."""

import pytest
from django.core import mail

from accounts.models import MODERATORS_GROUP
from notifications import kinds
from notifications.kinds import CHANNELS, EMAIL, PUSH, SITE, SMS
from notifications.models import Notification, NotificationPreference, OutboundMessage
from notifications.preferences import channels_for, save_choices
from notifications.services import notify

from .notifying import a_message, channels_used, person, subscribe_a_browser

EVERY_KIND_AND_CHANNEL = [
    (kind.key, channel)
    for kind in kinds.all_kinds()
    for channel in CHANNELS
    if kind.allows(channel)
]


def receiver_of(key):
    """Someone who can choose for this kind: staff-only kinds are for moderators."""
    return person(groups=[MODERATORS_GROUP] if kinds.get(key).staff_only else [])


def test_every_app_registered_its_kinds():
    registered = {kind.key for kind in kinds.all_kinds()}
    assert {
        "payment_received",
        "refund_sent",
        "subscription_ending",
        "booking_confirmed",
        "booking_moved",
        "booking_cancelled",
        "booking_reminder",
        "booking_deposit_refunded",
        "certificate_ready",
        "instructor_decision",
        "practice_work_reviewed",
    } <= registered


def test_sms_is_on_by_default_only_for_money_and_appointments():
    for kind in kinds.all_kinds():
        assert (SMS in channels_for(kind, {})) == (kind.group in ("money", "appointments")), kind


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "channel"), EVERY_KIND_AND_CHANNEL)
def test_a_channel_switched_off_is_not_used_and_the_others_are(key, channel):
    awa = receiver_of(key)
    subscribe_a_browser(awa)
    kind = kinds.get(key)
    on_by_default = channels_for(kind, {})
    save_choices(user=awa, enabled={(key, other) for other in on_by_default if other != channel})

    notify(awa, key, message=a_message())

    if kind.essential:
        assert channels_used(awa) == set(kind.channels)
    else:
        assert channels_used(awa) == on_by_default - {channel}


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "channel"), EVERY_KIND_AND_CHANNEL)
def test_a_channel_switched_back_on_is_used_again(key, channel):
    awa = receiver_of(key)
    subscribe_a_browser(awa)
    kind = kinds.get(key)
    everything = {(key, allowed) for allowed in CHANNELS if kind.allows(allowed)}
    save_choices(user=awa, enabled=everything - {(key, channel)})
    save_choices(user=awa, enabled=everything)

    notify(awa, key, message=a_message())

    assert channel in channels_used(awa)


@pytest.mark.django_db
def test_nothing_is_stored_for_choices_equal_to_the_defaults():
    awa = person()
    defaults = {
        (kind.key, channel) for kind in kinds.all_kinds() for channel in channels_for(kind, {})
    }
    save_choices(user=awa, enabled=defaults)

    assert not NotificationPreference.objects.exists()


@pytest.mark.django_db
def test_an_essential_kind_reaches_the_person_whatever_was_stored():
    awa = person()
    for channel in CHANNELS:
        # Even rows forged straight into the table change nothing.
        NotificationPreference.objects.create(
            user=awa, kind="instructor_decision", channel=channel, enabled=False
        )

    notify(awa, "instructor_decision", message=a_message(sms=""))

    assert OutboundMessage.objects.filter(channel=EMAIL, recipient=awa.email).count() == 1


@pytest.mark.django_db
def test_everything_off_keeps_no_record_and_sends_nothing():
    awa = person()
    subscribe_a_browser(awa)
    save_choices(user=awa, enabled=set())

    assert notify(awa, "payment_received", message=a_message()) is None

    assert not Notification.objects.exists()
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_no_sms_without_a_phone_or_an_sms_text_and_no_push_without_a_browser():
    no_phone = person("nophone@example.cm", phone="")
    notify(no_phone, "payment_received", message=a_message())
    assert channels_used(no_phone) == {SITE, EMAIL}

    OutboundMessage.objects.all().delete()
    awa = person()
    notify(awa, "payment_received", message=a_message(sms=""))
    assert SMS not in channels_used(awa) and PUSH not in channels_used(awa)


@pytest.mark.django_db
def test_the_sms_goes_to_the_number_the_caller_names(django_capture_on_commit_callbacks):
    from notifications import sms

    awa = person()
    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "booking_confirmed", message=a_message(sms_to="+237699887766"))

    assert sms.outbox == [("+237699887766", "Beauty Skills Academy : paiement de 5 000 FCFA reçu.")]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_message_is_written_in_the_persons_language():
    peter = person("peter@example.cm", preferred_language="en")
    awa = person()

    def in_the_active_language():
        return a_message(subject=str(kinds.get("certificate_ready").label))

    notify(peter, "certificate_ready", message=in_the_active_language)
    notify(awa, "certificate_ready", message=in_the_active_language)

    titles = dict(Notification.objects.values_list("user__email", "title"))
    assert titles == {"peter@example.cm": "Certificate ready", "awa@example.cm": "Certificat prêt"}


@pytest.mark.django_db
def test_the_centre_shows_a_summary_without_the_greeting():
    awa = person()
    notify(awa, "certificate_ready", message=a_message(sms=""))

    assert Notification.objects.get().body == "Nous avons reçu votre paiement de 5 000 FCFA."


def test_an_unknown_kind_is_refused():
    with pytest.raises(LookupError):
        kinds.get("no_such_kind")
