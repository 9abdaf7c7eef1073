"""The living demo's study groups (demo/content/groups.yaml): local chapters in Douala
(braiding, open), Yaoundé (make-up, on request) and Bafoussam (nails, open), with
members, a supplier in Marché Central, tips, a practice session next week and a few
messages in the Douala group's conversation. Made through community's and messaging's
services, so their rules apply, then dated back to when they "happened"."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community import calendar, groups, membership, wall
from community.models import Resource
from course_pages.models import CourseCategory
from directory.models import Town
from messaging.conversations import start_or_get_conversation
from messaging.models import Conversation, Message
from messaging.read_state import mark_read
from messaging.sending import send_text

from .content import read

DOUALA = ZoneInfo("Africa/Douala")


def load():
    for spec in read("groups")["groups"]:
        _group(spec)


def _person(email):
    return User.objects.get(email=email)


def _speciality(key):
    slug = next(c["fr"]["slug"] for c in read("catalogue")["categories"] if c["key"] == key)
    return CourseCategory.objects.get(locale=Locale.get_default(), slug=slug)


def _group(spec):
    owner = _person(spec["owner"])
    group = groups.create_group(
        user=owner,
        name=spec["name"],
        description=spec["description"],
        language=spec["language"],
        speciality=_speciality(spec["speciality"]),
        town=Town.objects.get(slug=spec["town"]),
        is_open=spec["open"],
    )
    for email in spec["members"]:
        asked = membership.ask_to_join(user=_person(email), group=group)
        if asked.status != asked.Status.MEMBER:
            membership.approve(by=owner, membership=asked)
    for email in spec.get("requests", []):
        membership.ask_to_join(user=_person(email), group=group)
    for item in spec["resources"]:
        _resource(group, item)
    for item in spec["sessions"]:
        _session(group, item)
    _messages(group, spec["messages"])
    return group


def _resource(group, item):
    resource = wall.post_resource(
        user=_person(item["by"]),
        group=group,
        kind=item["kind"],
        text=item.get("text", ""),
        supplier_name=item.get("supplier", ""),
        supplier_town=Town.objects.get(slug=item["supplier_town"])
        if item.get("supplier_town")
        else None,
        supplier_phone=item.get("phone", ""),
    )
    Resource.objects.filter(pk=resource.pk).update(
        created_at=timezone.now() - timedelta(days=item["days_ago"])
    )


def _session(group, item):
    day = timezone.localdate() + timedelta(days=item["in_days"])
    hour, minute = map(int, item["time"].split(":"))
    session = calendar.plan_session(
        user=_person(item["by"]),
        group=group,
        title=item["title"],
        starts_at=datetime(day.year, day.month, day.day, hour, minute, tzinfo=DOUALA),
        place=item["place"],
    )
    for email in item.get("coming", []):
        calendar.rsvp(user=_person(email), session=session, going=True)
    for email in item.get("not_coming", []):
        calendar.rsvp(user=_person(email), session=session, going=False)


def _messages(group, lines):
    if not lines:
        return
    talk = start_or_get_conversation(_person(lines[0]["from"]), None, "group", group.pk)
    members = [seat.user for seat in talk.participants.select_related("user")]
    now = timezone.now()
    for number, line in enumerate(lines):
        message = send_text(user=_person(line["from"]), conversation=talk, text=line["text"])
        sent_at = now - timedelta(hours=line["ago"])
        Message.objects.filter(pk=message.pk).update(created_at=sent_at)
        Conversation.objects.filter(pk=talk.pk).update(last_message_at=sent_at)
        if number < len(lines) - 1:
            # Everything but the last message has been read by the group.
            for reader in members:
                mark_read(user=reader, conversation=talk)
