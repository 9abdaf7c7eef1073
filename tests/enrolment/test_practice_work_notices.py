"""The student hears about her practice work through the notification centre: a
classmate's review (without its comment, which she reads once she has reviewed others)
and the instructor's verdict, in her language."""

import pytest
from django.core import mail

from notifications.models import Notification

from .conftest import lesson
from .test_practice_work import classmate, hand_in, review


@pytest.mark.django_db
def test_the_instructors_verdict_reaches_the_student(
    client, course_site, enrolled, django_capture_on_commit_callbacks
):
    submission = hand_in(enrolled, course_site)
    client.force_login(course_site["teacher"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fr/teach/work/{submission.pk}/", {"verdict": "retry", "comment": "Estompez mieux"}
        )

    notice = Notification.objects.get(user=enrolled, kind="practice_work_reviewed")
    assert notice.title == "Votre formatrice vous demande de refaire «\u00a0Pratique\u00a0»"
    assert "Estompez mieux" in notice.body
    assert notice.url == f"/fr/learn/work/{submission.pk}/"
    assert [message.to for message in mail.outbox] == [[enrolled.email]]
    assert "Estompez mieux" in mail.outbox[0].body
    client.force_login(enrolled)
    assert "data-bell-count>1</span>" in client.get("/fr/notifications/").content.decode()


@pytest.mark.django_db
def test_a_peer_review_is_announced_without_its_comment(course_site, enrolled):
    submission = hand_in(enrolled, course_site)

    review(classmate(course_site, "a@example.cm"), submission, comment="Secret jusqu'à mon tour")

    notice = Notification.objects.get(user=enrolled)
    assert notice.title == (
        "Une camarade a évalué votre exercice pratique pour «\u00a0"
        f"{lesson(course_site['work']).title}\u00a0»"
    )
    assert "Secret" not in notice.body
