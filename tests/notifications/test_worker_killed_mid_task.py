"""A worker killed with SIGKILL in the middle of sending an SMS: the task, acknowledged
late, goes back on Redis; a second worker takes it over and the SMS goes out once."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from cms.celery import app
from notifications.models import OutboundMessage
from notifications.services import Message, notify
from notifications.tasks import deliver_message

from ..conftest import make_person
from .test_real_worker import _reset_producer_pool, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_broker():
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip(
            "needs Redis (which re-delivers unacknowledged tasks) and a database another "
            "process can open: run with DATABASE_URL and REDIS_URL"
        )
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=settings.REDIS_URL, task_always_eager=False)
    _reset_producer_pool()
    with app.connection_for_write() as broker:
        broker.default_channel.client.delete(
            settings.CELERY_TASK_DEFAULT_QUEUE, "unacked", "unacked_index"
        )
    yield
    app.conf.update(saved)
    _reset_producer_pool()


def start_worker(tmp_path, name, delay):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
        f"/{database['NAME']}",
        "BSA_TEST_SMS_FILE": str(tmp_path / "sms.txt"),
        "BSA_TEST_SMS_DELAY": str(delay),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            "--pool=solo",
            "-n",
            name,
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / f"{name}.log").open("w"),
    )


def stop(worker):
    if worker.poll() is None:
        worker.kill()
    worker.wait(timeout=30)


def queued_directly():
    message = OutboundMessage.objects.create(
        channel=OutboundMessage.Channel.SMS, recipient="+237670000099", body_text="Rendez-vous"
    )
    deliver_message.delay(message.pk)
    return message


def queued_by_notify():
    """The same SMS as a notification: notify() queues it (with its e-mail) after the
    commit, through the same claimed delivery."""
    awa = make_person("awa@example.cm", phone="+237670000099")
    notify(
        awa,
        "booking_reminder",
        message=Message(subject="Rappel", text="Rendez-vous demain", sms="Rendez-vous"),
    )
    return OutboundMessage.objects.get(channel=OutboundMessage.Channel.SMS)


@pytest.mark.parametrize("queue", [queued_directly, queued_by_notify])
def test_a_task_lost_with_its_worker_is_completed_once_by_another(tmp_path, redis_broker, queue):
    message = queue()

    doomed = start_worker(tmp_path, "doomed@bsa", delay=60)
    try:
        assert wait_for(lambda: (tmp_path / "sms.started").exists(), seconds=90), (
            tmp_path / "doomed@bsa.log"
        ).read_text()
        doomed.send_signal(signal.SIGKILL)
    finally:
        stop(doomed)
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENDING
    assert not (tmp_path / "sms.txt").exists()

    time.sleep(2)  # let the dead worker's claim lapse
    rescuer = start_worker(tmp_path, "rescuer@bsa", delay=0)
    try:
        sent = wait_for(
            lambda: OutboundMessage.objects.filter(
                pk=message.pk, status=OutboundMessage.Status.SENT
            ).exists(),
            seconds=90,
        )
    finally:
        stop(rescuer)

    assert sent, (tmp_path / "rescuer@bsa.log").read_text()
    lines = (tmp_path / "sms.txt").read_text().splitlines()
    assert lines == ["+237670000099\tRendez-vous"]
    message.refresh_from_db()
    assert message.attempts == 2
