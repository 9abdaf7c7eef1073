"""The three SMS gateways, over real HTTP against the fake providers: sent, retryable
on 5xx and timeouts, permanent on a refused number, Orange's token cached and renewed."""

import pytest

from notifications.sms_errors import InvalidPhoneNumber, PermanentSMSError, RetryableSMSError
from notifications.sms_gateways.africastalking import AfricasTalkingSMSBackend
from notifications.sms_gateways.orange import OrangeSMSBackend
from notifications.sms_gateways.twilio import TwilioSMSBackend

from . import fake_sms_providers as fake

TO = "+237677123456"
GATEWAYS = [TwilioSMSBackend, OrangeSMSBackend, AfricasTalkingSMSBackend]
SEND_PATHS = {
    "twilio": "/2010-04-01/",
    "orange": "/smsmessaging/",
    "africastalking": "/version1/messaging",
}


def test_twilio_sends_with_basic_auth_and_a_status_callback(sms_providers):
    sent = TwilioSMSBackend().send(TO, "Votre rendez-vous est confirmé")

    assert sent.provider == "twilio"
    assert sent.provider_message_id in sms_providers.twilio_messages
    assert sent.delivery == "accepted"
    form = sms_providers.twilio_messages[sent.provider_message_id]
    assert form["To"] == TO
    assert form["From"] == fake.TWILIO_FROM_NUMBER
    assert form["Body"] == "Votre rendez-vous est confirmé"
    assert form["StatusCallback"] == "https://academy.example.cm/notifications/sms/twilio/status/"


def test_orange_sends_to_the_sender_resource_with_a_bearer_token(sms_providers):
    sent = OrangeSMSBackend().send(TO, "Paiement reçu")

    assert sent.provider == "orange"
    request = sms_providers.orange_messages[sent.provider_message_id]
    assert request["address"] == f"tel:{TO}"
    assert request["senderAddress"] == fake.ORANGE_SENDER_ADDRESS
    assert request["senderName"] == fake.ORANGE_SENDER_NAME
    assert request["outboundSMSTextMessage"] == {"message": "Paiement reçu"}
    (call,) = sms_providers.requests_to("POST", "/smsmessaging/")
    assert call.path == "/smsmessaging/v1/outbound/tel%3A%2B2370000/requests"


def test_africastalking_sends_with_its_api_key_and_sender_id(sms_providers):
    sent = AfricasTalkingSMSBackend().send(TO, "Votre code")

    assert sent.provider == "africastalking"
    assert sent.delivery == "sent"
    form = sms_providers.at_messages[sent.provider_message_id]
    assert form == {
        "username": fake.AT_USERNAME,
        "to": TO,
        "message": "Votre code",
        "from": fake.AT_SENDER_ID,
    }
    (call,) = sms_providers.requests_to("POST", "/version1/messaging")
    assert call.headers["Accept"] == "application/json"


@pytest.mark.parametrize("gateway", GATEWAYS)
def test_a_server_error_is_retryable(sms_providers, gateway):
    sms_providers.fault(fake.SERVER_ERROR, SEND_PATHS[gateway.name])

    with pytest.raises(RetryableSMSError):
        gateway().send(TO, "Bonjour")


@pytest.mark.parametrize("gateway", GATEWAYS)
def test_a_timeout_is_retryable(sms_providers, gateway):
    sms_providers.fault(fake.SLOW, SEND_PATHS[gateway.name])

    with pytest.raises(RetryableSMSError):
        gateway().send(TO, "Bonjour")


@pytest.mark.parametrize("gateway", GATEWAYS)
def test_a_number_the_provider_refuses_is_a_permanent_failure(sms_providers, gateway):
    with pytest.raises(PermanentSMSError):
        gateway().send(fake.INVALID_NUMBER, "Bonjour")


@pytest.mark.parametrize("gateway", GATEWAYS)
@pytest.mark.parametrize("number", ["677123456", "00237677123456", "+237 677 12 34 56", ""])
def test_a_number_that_is_not_e164_never_leaves(sms_providers, gateway, number):
    with pytest.raises(InvalidPhoneNumber, match="E.164"):
        gateway().send(number, "Bonjour")

    assert sms_providers.requests == []


def test_wrong_twilio_credentials_are_a_permanent_failure(sms_providers, settings):
    settings.TWILIO_AUTH_TOKEN = "not-the-token"

    with pytest.raises(PermanentSMSError, match="401"):
        TwilioSMSBackend().send(TO, "Bonjour")


def test_an_unconfigured_gateway_says_so(settings):
    settings.AFRICASTALKING_API_KEY = ""

    with pytest.raises(PermanentSMSError, match="not configured"):
        AfricasTalkingSMSBackend().send(TO, "Bonjour")


def test_orange_token_is_fetched_once_and_kept(sms_providers):
    OrangeSMSBackend().send(TO, "Un")
    OrangeSMSBackend().send(TO, "Deux")

    assert len(sms_providers.orange_token_calls()) == 1
    assert len(sms_providers.orange_messages) == 2


def test_orange_token_refused_with_401_is_renewed_and_the_send_tried_once_more(sms_providers):
    OrangeSMSBackend().send(TO, "Un")
    sms_providers.revoke_tokens()

    OrangeSMSBackend().send(TO, "Deux")

    assert len(sms_providers.orange_token_calls()) == 2
    assert len(sms_providers.requests_to("POST", "/smsmessaging/")) == 3
    assert len(sms_providers.orange_messages) == 2


def test_orange_token_that_expires_within_a_minute_is_not_kept(sms_providers):
    sms_providers.token_lifetime = 30

    OrangeSMSBackend().send(TO, "Un")
    OrangeSMSBackend().send(TO, "Deux")

    assert len(sms_providers.orange_token_calls()) == 2


def test_orange_wrong_client_credentials_are_a_permanent_failure(sms_providers, settings):
    settings.ORANGE_SMS_CLIENT_SECRET = "wrong"

    with pytest.raises(PermanentSMSError, match="401"):
        OrangeSMSBackend().send(TO, "Bonjour")
    assert sms_providers.requests_to("POST", "/smsmessaging/") == []


def test_orange_token_endpoint_down_is_retryable(sms_providers):
    sms_providers.fault(fake.SERVER_ERROR, "/oauth/")

    with pytest.raises(RetryableSMSError):
        OrangeSMSBackend().send(TO, "Bonjour")
