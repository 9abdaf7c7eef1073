"""A new message reaches the recipient's notification centre (and push) once per
unread conversation, in her language; a muted conversation tells nothing."""

import pytest

from messaging.conversations import start_or_get_conversation
from messaging.models import Participant
from messaging.read_state import mark_read
from messaging.sending import send_text
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled_student(people):
    return people["student"]


@pytest.fixture
def course_instructor(people):
    return people["instructor"]


@pytest.fixture
def talk(people):
    return start_or_get_conversation(
        people["student"], people["instructor"], "course", people["course"].pk
    )


def centre_of(user):
    return Notification.objects.filter(user=user, kind="message_received")


def test_first_unread_message_is_told_once(
    talk, enrolled_student, course_instructor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Bonjour Madame")
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Vous êtes là ?")

    told = centre_of(course_instructor)
    assert told.count() == 1
    assert told.get().body == "Bonjour Madame"
    assert told.get().url == f"/fr/messages/{talk.pk}/"
    assert not centre_of(enrolled_student).exists()


def test_after_reading_the_next_message_is_told_again(
    talk, enrolled_student, course_instructor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Premier")
    mark_read(user=course_instructor, conversation=talk)
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Second")

    assert list(centre_of(course_instructor).values_list("body", flat=True).order_by("pk")) == [
        "Premier",
        "Second",
    ]


def test_muted_conversation_tells_nothing(
    talk, enrolled_student, course_instructor, django_capture_on_commit_callbacks
):
    Participant.objects.filter(conversation=talk, user=course_instructor).update(muted=True)
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Bonjour")

    assert not centre_of(course_instructor).exists()


def test_title_is_in_the_recipients_language(
    talk, enrolled_student, course_instructor, django_capture_on_commit_callbacks
):
    course_instructor.preferred_language = "en"
    course_instructor.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_text(user=enrolled_student, conversation=talk, text="Bonjour")

    assert centre_of(course_instructor).get().title.startswith("New message from ")
