"""Each response carries a request id; production logs are JSON lines that carry it
and never an e-mail address, a phone number or a secret from a URL."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from core.request_log import redact

from .test_production_settings import SECRETS, production_env

pytestmark = pytest.mark.django_db

LOG_ONE_REQUEST = """
import django
django.setup()
from django.test import Client
import logging
logging.getLogger("django.request").warning(
    "Not Found: %s (%s, %s)",
    "/fr/accounts/password/reset/key/3k-c0ffee-9f2m/",
    "ama.ngono@example.cm",
    "+237 6 77 12 34 56",
)
Client(HTTP_X_REQUEST_ID="lb-7f3a9c21", HTTP_HOST="academy.example").get(
    "/healthz", secure=True
)
"""


def test_every_response_gets_a_fresh_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert len(first) == 32 and first != second


def test_a_load_balancer_request_id_is_kept_and_junk_is_replaced(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c21")["X-Request-ID"] == "lb-7f3a9c21"
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert forged != "<script>" and len(forged) == 32


def test_redaction_removes_emails_phones_and_url_keys():
    line = redact(
        "GET /fr/accounts/password/reset/key/3k-abc/ by ama@example.cm (+237 677 12 34 56)"
    )

    assert "ama@example.cm" not in line
    assert "3k-abc" not in line
    assert "677" not in line
    assert "/fr/accounts/password/reset/key/[redacted]/" in line


def test_production_logs_are_json_lines_without_personal_data():
    result = subprocess.run(
        [sys.executable, "-c", LOG_ONE_REQUEST],
        env=production_env({**SECRETS, "SECURE_SSL_REDIRECT": "false"}),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]

    warning = next(line for line in lines if line["logger"] == "django.request")
    assert warning["level"] == "WARNING"
    assert {"time", "request_id", "message"} <= warning.keys()
    assert "example.cm" not in result.stderr
    assert "c0ffee" not in result.stderr
    assert "77 12 34" not in result.stderr
