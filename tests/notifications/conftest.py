"""The fake SMS providers over real HTTP, and the settings that point every gateway at
them (see fake_sms_providers.py)."""

import pytest

from ..loopback_server import CLIENT_TIMEOUT
from . import fake_sms_providers as fake
from .fake_push_service import FakePushService

PUBLIC_BASE_URL = "https://academy.example.cm"


@pytest.fixture
def sms_providers(settings):
    server = fake.FakeSMSProviders().start()
    settings.SMS_HTTP_TIMEOUT = CLIENT_TIMEOUT
    settings.SMS_PUBLIC_BASE_URL = PUBLIC_BASE_URL
    settings.SMS_STATUS_TOKEN = ""
    settings.TWILIO_BASE_URL = server.url
    settings.TWILIO_ACCOUNT_SID = fake.TWILIO_ACCOUNT_SID
    settings.TWILIO_AUTH_TOKEN = fake.TWILIO_AUTH_TOKEN
    settings.TWILIO_FROM_NUMBER = fake.TWILIO_FROM_NUMBER
    settings.ORANGE_SMS_BASE_URL = server.url
    settings.ORANGE_SMS_CLIENT_ID = fake.ORANGE_CLIENT_ID
    settings.ORANGE_SMS_CLIENT_SECRET = fake.ORANGE_CLIENT_SECRET
    settings.ORANGE_SMS_SENDER_ADDRESS = fake.ORANGE_SENDER_ADDRESS
    settings.ORANGE_SMS_SENDER_NAME = fake.ORANGE_SENDER_NAME
    settings.AFRICASTALKING_BASE_URL = server.url
    settings.AFRICASTALKING_USERNAME = fake.AT_USERNAME
    settings.AFRICASTALKING_API_KEY = fake.AT_API_KEY
    settings.AFRICASTALKING_SENDER_ID = fake.AT_SENDER_ID
    yield server
    server.stop()


@pytest.fixture
def push_service(settings):
    """A fake Web Push service on 127.0.0.1 (see fake_push_service.py)."""
    server = FakePushService().start()
    settings.WEB_PUSH_TIMEOUT = 2
    yield server
    server.stop()
