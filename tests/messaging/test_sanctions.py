"""Beyond hiding a message, a moderator warns the sender or suspends their messaging,
from the reported message's page; each decision is kept (the audit trail) and the person
is told, also by e-mail. A suspended person can neither send nor start a conversation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from messaging import services
from messaging.errors import NotAllowed
from messaging.models import Message, Sanction
from notifications.models import Notification, OutboundMessage

from .test_report_and_hide import conversation_with_a_bad_message


def reported(people):
    chat, bad = conversation_with_a_bad_message(people)
    return chat, services.report(user=people["student"], message=bad, reason="Publicité")


def decide(client, people, report, **data):
    client.force_login(people["moderator"])
    return client.post(f"/admin/message-reports/{report.pk}/", data)


def test_a_warning_is_kept_and_told_to_the_sender_by_e_mail(client, people):
    _chat, report = reported(people)

    decide(client, people, report, decision="warn", reason="Pas de publicité ici.")

    sanction = Sanction.objects.get()
    assert sanction.user == people["instructor"] and sanction.moderator == people["moderator"]
    assert sanction.action == "warned" and sanction.report == report
    told = Notification.objects.get(user=people["instructor"], kind="messaging_sanction")
    assert "Pas de publicité ici." in told.body or told.title
    assert OutboundMessage.objects.filter(recipient=people["instructor"].email).exists()
    page = client.get(f"/admin/message-reports/{report.pk}/")
    assert "Pas de publicité ici." in page.text  # the audit trail on the page


def test_a_suspended_person_can_neither_send_nor_start(client, people):
    chat, report = reported(people)
    decide(client, people, report, decision="suspend", days="7", reason="Spam répété.")
    instructor = people["instructor"]
    count = Message.objects.count()

    with pytest.raises(NotAllowed, match="suspendue jusqu"):
        services.send_text(user=instructor, conversation=chat, text="Encore moi")
    client.force_login(instructor)
    page = client.post(f"/fr/messages/{chat.pk}/send/", {"text": "Encore moi"})
    with pytest.raises(NotAllowed):
        services.start_or_get_conversation(instructor, people["moderator"])

    assert Message.objects.count() == count
    assert "suspendue" in page.text or page.status_code in (302, 403)
    # Once the suspension is over, writing works again.
    Sanction.objects.update(until=timezone.now() - timedelta(minutes=1))
    services.send_text(user=instructor, conversation=chat, text="Pardon")
    assert Message.objects.count() == count + 1


@pytest.mark.parametrize(
    "data, error",
    [
        ({"decision": "warn", "reason": "  "}, "Écrivez la raison"),
        ({"decision": "suspend", "days": "0", "reason": "Spam"}, "de 1 à 90 jours"),
        ({"decision": "suspend", "days": "1000", "reason": "Spam"}, "de 1 à 90 jours"),
        ({"decision": "suspend", "days": "sept", "reason": "Spam"}, "de 1 à 90 jours"),
    ],
)
def test_a_bad_decision_is_refused_clearly_and_nothing_is_kept(client, people, data, error):
    _chat, report = reported(people)
    client.force_login(people["moderator"])
    page = client.post(f"/admin/message-reports/{report.pk}/", data, follow=True)

    assert error in page.text
    assert not Sanction.objects.exists()


def test_only_moderators_decide(client, people):
    _chat, report = reported(people)
    client.force_login(people["student"])
    answer = client.post(
        f"/admin/message-reports/{report.pk}/", {"decision": "suspend", "days": 7, "reason": "x"}
    )
    assert answer.status_code in (302, 403)
    assert not Sanction.objects.exists()
