"""The living demo's conversations (demo/content/messages.yaml): a student asks her
instructor about a lesson, an English-speaking student asks his, and a client asks a
professional whether she travels. Sent through messaging's services, so the contexts'
rules apply, then dated back to when they "happened"."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from booking.models import Booking
from course_pages.models import CoursePage
from directory.models import ProfessionalPage
from messaging.conversations import start_or_get_conversation
from messaging.models import Conversation, Message
from messaging.read_state import mark_read
from messaging.sending import send_text

from .content import read


def load():
    for conversation in read("messages")["conversations"]:
        sides, context_id = _sides_and_context(conversation)
        _play(conversation, sides, context_id)


def _sides_and_context(conversation):
    """({side name: user}, context object id) of one conversation in the file."""
    default = Locale.get_default()
    if conversation["about"] == "course":
        course = CoursePage.objects.get(locale=default, slug=conversation["course"])
        student = User.objects.get(email=conversation["student"])
        return {"student": student, "instructor": course.instructor.user}, course.pk
    professional = ProfessionalPage.objects.get(locale=default, slug=conversation["professional"])
    client = User.objects.get(email=conversation["client"])
    booking = Booking.objects.filter(client=client, professional=professional).earliest("pk")
    return {"client": client, "professional": professional.user}, booking.pk


def _play(conversation, sides, context_id):
    lines = conversation["messages"]
    first_sender = sides[lines[0]["from"]]
    other = next(user for user in sides.values() if user != first_sender)
    talk = start_or_get_conversation(first_sender, other, conversation["about"], context_id)
    now = timezone.now()
    for number, line in enumerate(lines):
        sender = sides[line["from"]]
        message = send_text(user=sender, conversation=talk, text=line["text"])
        sent_at = now - timedelta(hours=line["ago"])
        Message.objects.filter(pk=message.pk).update(created_at=sent_at)
        Conversation.objects.filter(pk=talk.pk).update(last_message_at=sent_at)
        if number < len(lines) - 1:
            # Everything but the last message has been read by the other side.
            for reader in sides.values():
                if reader != sender:
                    mark_read(user=reader, conversation=talk)
