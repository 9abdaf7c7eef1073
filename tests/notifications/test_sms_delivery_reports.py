"""Delivery reports: each provider's callback moves the SMS's delivery state forward,
once; forged reports are refused and change nothing; reports for unknown messages are
answered 200 and ignored. Sends go through the real delivery task and the fake servers."""

import pytest
from celery.exceptions import Retry

from notifications.models import OutboundMessage
from notifications.services import queue_sms
from notifications.sms_gateways.http import status_token
from notifications.tasks import deliver_message

from . import fake_sms_providers as fake
from .conftest import PUBLIC_BASE_URL

TO = "+237677123456"
Delivery = OutboundMessage.Delivery
BACKENDS = {
    "twilio": "notifications.sms_gateways.twilio.TwilioSMSBackend",
    "orange": "notifications.sms_gateways.orange.OrangeSMSBackend",
    "africastalking": "notifications.sms_gateways.africastalking.AfricasTalkingSMSBackend",
}
TWILIO_PATH = "/notifications/sms/twilio/status/"


def sent_through(settings, provider, to=TO):
    settings.SMS_BACKEND = BACKENDS[provider]
    message = queue_sms(to=to, text="Votre rendez-vous est confirmé")
    deliver_message.apply(args=[message.pk], throw=True)
    message.refresh_from_db()
    return message


def post_twilio(client, form, *, signature=None):
    signature = signature or fake.FakeSMSProviders.twilio_signature(
        PUBLIC_BASE_URL + TWILIO_PATH, form
    )
    return client.post(TWILIO_PATH, form, headers={"X-Twilio-Signature": signature})


def orange_path(token=None):
    return f"/notifications/sms/orange/status/{token or status_token('orange')}/"


def at_path(token=None):
    return f"/notifications/sms/africastalking/status/{token or status_token('africastalking')}/"


# --- Through the delivery task -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("provider", sorted(BACKENDS))
def test_the_delivery_task_sends_through_the_provider_and_keeps_its_id(
    sms_providers, settings, provider
):
    message = sent_through(settings, provider)

    assert message.status == OutboundMessage.Status.SENT
    assert message.provider == provider
    assert message.provider_message_id
    assert message.delivery in (Delivery.ACCEPTED, Delivery.SENT)
    assert message.attempts == 1


@pytest.mark.django_db
def test_a_provider_down_puts_the_message_back_in_the_queue(sms_providers, settings):
    sms_providers.fault(fake.SERVER_ERROR)
    settings.SMS_BACKEND = BACKENDS["twilio"]
    message = queue_sms(to=TO, text="Bonjour")

    with pytest.raises(Retry):
        deliver_message.apply(args=[message.pk], throw=True)

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.QUEUED
    assert "HTTP 500" in message.last_error
    assert message.provider_message_id == ""


@pytest.mark.django_db
@pytest.mark.parametrize("provider", sorted(BACKENDS))
def test_a_refused_number_fails_at_once_without_retry(sms_providers, settings, provider):
    message = sent_through(settings, provider, to=fake.INVALID_NUMBER)

    assert message.status == OutboundMessage.Status.FAILED
    assert message.attempts == 1
    assert message.last_error


@pytest.mark.django_db
def test_a_number_that_is_not_e164_fails_without_calling_the_provider(sms_providers, settings):
    message = sent_through(settings, "twilio", to="677123456")

    assert message.status == OutboundMessage.Status.FAILED
    assert "E.164" in message.last_error
    assert sms_providers.requests == []


# --- Twilio --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_twilio_reports_move_the_state_forward_and_never_back(sms_providers, settings, client):
    message = sent_through(settings, "twilio")
    sid = message.provider_message_id

    assert (
        post_twilio(client, fake.FakeSMSProviders.twilio_status_form(sid, "sent")).status_code
        == 200
    )
    message.refresh_from_db()
    assert message.delivery == Delivery.SENT

    assert (
        post_twilio(client, fake.FakeSMSProviders.twilio_status_form(sid, "delivered")).status_code
        == 200
    )
    assert (
        post_twilio(client, fake.FakeSMSProviders.twilio_status_form(sid, "delivered")).status_code
        == 200
    )
    assert (
        post_twilio(client, fake.FakeSMSProviders.twilio_status_form(sid, "sent")).status_code
        == 200
    )
    message.refresh_from_db()
    assert message.delivery == Delivery.DELIVERED
    assert message.delivery_detail == "delivered"


@pytest.mark.django_db
def test_twilio_undelivered_report_keeps_the_error_code(sms_providers, settings, client):
    message = sent_through(settings, "twilio")
    form = fake.FakeSMSProviders.twilio_status_form(message.provider_message_id, "undelivered")
    form["ErrorCode"] = "30003"

    assert post_twilio(client, form).status_code == 200

    message.refresh_from_db()
    assert message.delivery == Delivery.UNDELIVERED
    assert message.delivery_detail == "undelivered (error 30003)"


@pytest.mark.django_db
def test_forged_twilio_signature_is_refused_and_changes_nothing(sms_providers, settings, client):
    message = sent_through(settings, "twilio")
    form = fake.FakeSMSProviders.twilio_status_form(message.provider_message_id, "delivered")
    signed_for_other_body = fake.FakeSMSProviders.twilio_signature(
        PUBLIC_BASE_URL + TWILIO_PATH, {**form, "MessageStatus": "failed"}
    )

    assert post_twilio(client, form, signature=signed_for_other_body).status_code == 403
    assert client.post(TWILIO_PATH, form).status_code == 403  # no signature at all

    message.refresh_from_db()
    assert message.delivery == Delivery.ACCEPTED


@pytest.mark.django_db
def test_report_for_an_unknown_message_is_answered_and_ignored(sms_providers, client, caplog):
    form = fake.FakeSMSProviders.twilio_status_form("SM" + "f" * 32, "delivered")

    with caplog.at_level("INFO", logger="notifications.delivery_reports"):
        assert post_twilio(client, form).status_code == 200

    assert "no known message" in caplog.text
    assert not OutboundMessage.objects.exclude(delivery=Delivery.UNKNOWN).exists()


@pytest.mark.django_db
def test_status_urls_stay_outside_the_language_prefix(client):
    assert client.post("/notifications/sms/nobody/status/").status_code == 404
    assert client.get(TWILIO_PATH).status_code == 405


# --- Orange --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_orange_receipt_updates_the_latest_sms_to_that_number(sms_providers, settings, client):
    older = sent_through(settings, "orange")
    latest = sent_through(settings, "orange")

    answer = client.post(
        orange_path(),
        fake.FakeSMSProviders.orange_receipt(TO, "DeliveredToTerminal"),
        content_type="application/json",
    )

    assert answer.status_code == 200
    latest.refresh_from_db()
    older.refresh_from_db()
    assert latest.delivery == Delivery.DELIVERED
    assert older.delivery == Delivery.ACCEPTED


@pytest.mark.django_db
def test_orange_receipt_with_a_wrong_token_is_refused(sms_providers, settings, client):
    message = sent_through(settings, "orange")

    answer = client.post(
        orange_path("guessed"),
        fake.FakeSMSProviders.orange_receipt(TO, "DeliveryImpossible"),
        content_type="application/json",
    )
    without_token = client.post(
        "/notifications/sms/orange/status/",
        fake.FakeSMSProviders.orange_receipt(TO, "DeliveryImpossible"),
        content_type="application/json",
    )

    assert answer.status_code == 403
    assert without_token.status_code == 403
    message.refresh_from_db()
    assert message.delivery == Delivery.ACCEPTED


@pytest.mark.django_db
def test_orange_receipt_that_is_not_json_is_a_bad_request(client):
    answer = client.post(orange_path(), b"{not json", content_type="application/json")

    assert answer.status_code == 400


# --- Africa's Talking ------------------------------------------------------------------------


@pytest.mark.django_db
def test_africastalking_report_marks_the_sms_undelivered_with_the_reason(
    sms_providers, settings, client
):
    message = sent_through(settings, "africastalking")
    body = fake.FakeSMSProviders.at_report(
        message.provider_message_id, "Failed", reason="UserInBlackList"
    )

    answer = client.post(at_path(), body, content_type="application/x-www-form-urlencoded")

    assert answer.status_code == 200
    message.refresh_from_db()
    assert message.delivery == Delivery.UNDELIVERED
    assert message.delivery_detail == "Failed: UserInBlackList"


@pytest.mark.django_db
def test_africastalking_report_with_a_wrong_token_is_refused(sms_providers, settings, client):
    message = sent_through(settings, "africastalking")
    body = fake.FakeSMSProviders.at_report(message.provider_message_id, "Success")

    answer = client.post(at_path("guessed"), body, content_type="application/x-www-form-urlencoded")

    assert answer.status_code == 403
    message.refresh_from_db()
    assert message.delivery == Delivery.SENT


@pytest.mark.django_db
def test_africastalking_report_for_an_unknown_id_is_ignored(client):
    body = fake.FakeSMSProviders.at_report("ATXid_unknown", "Success")

    answer = client.post(at_path(), body, content_type="application/x-www-form-urlencoded")

    assert answer.status_code == 200


@pytest.mark.django_db
def test_status_reports_are_rate_limited(sms_providers, settings, client):
    settings.RATELIMIT_WEBHOOKS = "2/m"
    body = fake.FakeSMSProviders.at_report("ATXid_unknown", "Success")

    answers = [
        client.post(at_path(), body, content_type="application/x-www-form-urlencoded").status_code
        for _ in range(3)
    ]

    assert answers == [200, 200, 429]
