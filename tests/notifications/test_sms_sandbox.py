"""The `make run` SMS sandbox: SMS written under var/sms/ and listed for moderators in
the admin, nobody else."""

import pytest

from notifications.models import OutboundMessage
from notifications.sandbox import FileSMSBackend, latest
from notifications.services import queue_sms
from notifications.sms_errors import InvalidPhoneNumber
from notifications.tasks import deliver_message

PAGE = "/admin/sandbox-sms/"


@pytest.fixture
def sandbox(settings, tmp_path):
    settings.SMS_BACKEND = "notifications.sandbox.FileSMSBackend"
    settings.SMS_SANDBOX_DIR = tmp_path / "sms"
    return settings.SMS_SANDBOX_DIR


@pytest.mark.django_db
def test_an_sms_queued_in_development_lands_in_the_sandbox(sandbox):
    message = queue_sms(to="+237677123456", text="Votre code : 4821")
    deliver_message.apply(args=[message.pk], throw=True)

    (sent,) = latest()
    assert sent["to"] == "+237677123456"
    assert sent["text"] == "Votre code : 4821"
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.SENT
    assert message.provider == "sandbox"
    assert message.provider_message_id == sent["id"]


def test_the_sandbox_lists_newest_first_and_refuses_what_a_gateway_refuses(sandbox):
    FileSMSBackend().send("+237677000001", "Un")
    FileSMSBackend().send("+237677000002", "Deux")

    with pytest.raises(InvalidPhoneNumber):
        FileSMSBackend().send("677000003", "Trois")

    assert [sms["text"] for sms in latest()] == ["Deux", "Un"]


@pytest.mark.django_db
def test_moderators_read_the_sandbox_sms_in_the_admin(sandbox, client, moderator):
    FileSMSBackend().send("+237677123456", "Votre rendez-vous <b>demain</b>")
    client.force_login(moderator)

    page = client.get(PAGE)

    assert page.status_code == 200
    assert "+237677123456" in page.text
    assert "Votre rendez-vous &lt;b&gt;demain&lt;/b&gt;" in page.text


@pytest.mark.django_db
def test_instructors_cannot_read_the_sandbox_sms(sandbox, client, instructor):
    FileSMSBackend().send("+237677123456", "Votre code : 4821")
    client.force_login(instructor)

    page = client.get(PAGE)

    assert page.status_code in (302, 403)
    assert "4821" not in page.text
