"""The living demo's mentorship (demo/content/mentorship.yaml): mentor offers in Douala,
Yaoundé and Bafoussam, one mentorship under way with a few messages and one ended with
both reviews. Made through community's mentorship services, so their rules apply, then
dated back to when they "happened"."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community.mentorship import asking, ending, offers
from community.models import Contribution, MentorOffer, Mentorship, MentorshipReview
from course_pages.models import CourseCategory
from directory.models import Town
from messaging.conversations import start_or_get_conversation
from messaging.models import Conversation, Message
from messaging.read_state import mark_read
from messaging.sending import send_text

from .content import read


def load():
    data = read("mentorship")
    now = timezone.now()
    for spec in data["offers"]:
        _offer(spec, now)
    for spec in data["mentorships"]:
        _mentorship(spec, now)


def _person(email):
    return User.objects.get(email=email)


def _speciality(key):
    slug = next(c["fr"]["slug"] for c in read("catalogue")["categories"] if c["key"] == key)
    return CourseCategory.objects.get(locale=Locale.get_default(), slug=slug)


def _offer(spec, now):
    offer = offers.save_offer(
        user=_person(spec["mentor"]),
        speciality=_speciality(spec["speciality"]),
        speaks_french="fr" in spec["languages"],
        speaks_english="en" in spec["languages"],
        town=Town.objects.get(slug=spec["town"]),
        capacity=spec["capacity"],
        bio=spec["bio"],
    )
    MentorOffer.objects.filter(pk=offer.pk).update(created_at=now - timedelta(days=60))
    _log_back(offers.REPORT_KIND, offer.pk, now - timedelta(days=60))


def _log_back(kind, object_id, when):
    """The posting log the new-member limits read, dated back with the post."""
    Contribution.objects.filter(kind=kind, object_id=object_id).update(created_at=when)


def _mentorship(spec, now):
    mentor, mentee = _person(spec["mentor"]), _person(spec["mentee"])
    offer = MentorOffer.objects.get(user=mentor)
    asked_at = now - timedelta(days=spec["days_ago"])
    # In the story she joined before asking, not today: the new-member limits, meant
    # for the first days, do not hold back the demo's whole month at once.
    User.objects.filter(pk=mentee.pk, date_joined__gt=asked_at).update(
        date_joined=asked_at - timedelta(days=30)
    )
    mentee.refresh_from_db()
    request = asking.ask(user=mentee, offer=offer, message=spec["request"])
    _log_back(asking.POST_KIND, request.pk, asked_at)
    mentorship = asking.accept(by=mentor, mentorship=request, weeks=spec["weeks"])
    answered_at = asked_at + timedelta(days=1)
    Mentorship.objects.filter(pk=mentorship.pk).update(
        requested_at=asked_at,
        answered_at=answered_at,
        ends_at=answered_at + timedelta(weeks=spec["weeks"]),
    )
    _messages(mentorship, mentor, mentee, spec.get("messages", []), now)
    if spec.get("ended"):
        # Its weeks are over: the beat task's own step ends it.
        ending.end_due(now)
        Mentorship.objects.filter(pk=mentorship.pk).update(
            ended_at=answered_at + timedelta(weeks=spec["weeks"])
        )
        for review in spec.get("reviews", []):
            made = ending.review(
                user=_person(review["by"]),
                mentorship=mentorship,
                rating=review["rating"],
                text=review["text"],
            )
            _log_back(ending.REPORT_KIND, made.pk, now - timedelta(days=2))
            MentorshipReview.objects.filter(pk=made.pk).update(created_at=now - timedelta(days=2))


def _messages(mentorship, mentor, mentee, lines, now):
    if not lines:
        return
    talk = start_or_get_conversation(mentor, mentee, "mentorship", mentorship.pk)
    for number, line in enumerate(lines):
        message = send_text(user=_person(line["from"]), conversation=talk, text=line["text"])
        sent_at = now - timedelta(hours=line["ago"])
        Message.objects.filter(pk=message.pk).update(created_at=sent_at)
        Conversation.objects.filter(pk=talk.pk).update(last_message_at=sent_at)
        if number < len(lines) - 1:
            # Everything but the last message has been read by both.
            for reader in (mentor, mentee):
                mark_read(user=reader, conversation=talk)
