"""A real Celery worker (in a thread, on a real broker) sends the verification e-mail.

The broker is Redis when REDIS_URL is set (the CI's second pass), otherwise the
file-system broker that `make run` uses."""

import re
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from kombu import pools

from cms.celery import app
from notifications.models import OutboundMessage


@pytest.fixture
def real_worker(tmp_path):
    if settings.REDIS_URL:
        broker_url, options = settings.REDIS_URL, {}
    else:
        folder = str(tmp_path / "broker")
        (tmp_path / "broker").mkdir()
        broker_url = "filesystem://"
        options = {
            "data_folder_in": folder,
            "data_folder_out": folder,
            "control_folder": folder + "/control",
            "store_processed": False,
        }
    saved = {
        key: app.conf[key]
        for key in ("broker_url", "broker_transport_options", "task_always_eager")
    }
    app.conf.update(
        broker_url=broker_url, broker_transport_options=options, task_always_eager=False
    )
    _reset_producer_pool()
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.update(saved)
        _reset_producer_pool()


def _reset_producer_pool():
    # Producers already made point at the old broker; the app makes a new pool lazily.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_worker_sends_the_verification_email_queued_at_signup(client, real_worker):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "first_name": "Nadège",
            "last_name": "Ewane",
            "email": "worker@example.cm",
            "password1": "Tresses-Douala-2026",
            "password2": "Tresses-Douala-2026",
            "role": "student",
        },
    )
    assert response.status_code == 302

    sent = wait_for(
        lambda: OutboundMessage.objects.filter(status=OutboundMessage.Status.SENT).exists()
    )

    assert sent, "the worker did not deliver the queued e-mail"
    assert len(mail.outbox) == 1
    assert re.search(r"/fr/accounts/confirm-email/", mail.outbox[0].body)
