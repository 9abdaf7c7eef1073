"""The command that prints the delivery-report URL to give each provider."""

import pytest
from django.core.management import CommandError, call_command

from notifications.sms_gateways.http import status_token


def test_prints_each_provider_url_with_its_token(settings, capsys):
    settings.SMS_PUBLIC_BASE_URL = "https://academy.example.cm/"

    call_command("sms_status_urls")

    lines = capsys.readouterr().out.splitlines()
    base = "https://academy.example.cm/notifications/sms"
    assert lines == [
        f"africastalking: {base}/africastalking/status/{status_token('africastalking')}/",
        f"orange: {base}/orange/status/{status_token('orange')}/",
        f"twilio: {base}/twilio/status/",
    ]


def test_each_provider_gets_its_own_token_unless_one_is_set(settings):
    assert status_token("orange") != status_token("africastalking")

    settings.SMS_STATUS_TOKEN = "set-by-the-operator"

    assert status_token("orange") == status_token("africastalking") == "set-by-the-operator"


def test_needs_our_public_address(settings):
    settings.SMS_PUBLIC_BASE_URL = ""

    with pytest.raises(CommandError, match="SMS_PUBLIC_BASE_URL"):
        call_command("sms_status_urls")
