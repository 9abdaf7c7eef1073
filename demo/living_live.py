"""The living demo's live sessions (demo/content/live.yaml): an upcoming paid class of
the braiding course, a past one whose recording its instructor added to the course as a
draft lesson, a practice session of the Douala braiding group and an expert Q&A,
scheduled and registered for through live's services (or, for a paid session, through
checkout's sandbox), so their rules apply. A past session is scheduled ahead, then moved
back in time (scheduling refuses the past), held in the sandbox room and ended there,
which records it."""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community.models import Group
from course_pages.models import CoursePage
from live import ending, ratings, recordings, registration, scheduling
from live.errors import RoomError
from live.models import LiveSession, Presence

from .content import read
from .living_payments import pay, phone_of

logger = logging.getLogger(__name__)

DOUALA = ZoneInfo("Africa/Douala")


def load():
    for spec in read("live")["sessions"]:
        _session(spec)


def _starts_at(spec):
    day = timezone.localdate() + timedelta(days=spec["in_days"])
    hour, minute = map(int, spec["time"].split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=DOUALA)


def _session(spec):
    course = group = None
    if spec["kind"] == "class":
        course = CoursePage.objects.select_related("instructor").get(
            locale=Locale.get_default(), slug=spec["course"]
        )
        host = course.instructor.user
    elif spec["kind"] == "practice":
        group = Group.objects.get(name=spec["group"])
        host = group.owner
    else:
        host = User.objects.get(email=spec["host"])
    session = scheduling.schedule_session(
        host=host,
        kind=spec["kind"],
        course=course,
        group=group,
        title_fr=spec["title_fr"],
        title_en=spec["title_en"],
        description=spec["description"],
        starts_at=_starts_at(spec) if spec["in_days"] >= 0 else timezone.now() + timedelta(days=30),
        duration_minutes=spec["minutes"],
        capacity=spec["capacity"],
        price_xaf=spec.get("price_xaf", 0),
        refund_hours=spec.get("refund_hours", scheduling.DEFAULT_REFUND_HOURS),
        allow_recording=spec.get("allow_recording", False),
    )
    for number, email in enumerate(spec["registered"], start=1):
        user = User.objects.get(email=email)
        if session.is_free:
            registration.register(user=user, session=session)
        else:
            phone = str(user.phone) if user.phone else phone_of("mtn", 900 + number)
            pay(user=user, item_type="live_session", item_id=session.pk, phone=phone)
    if spec["in_days"] < 0:
        _held(session, spec)


def _held(session, spec):
    """Move the session back to its day, with who came, their stars and its recording."""
    LiveSession.objects.filter(pk=session.pk).update(starts_at=_starts_at(spec))
    session.refresh_from_db()
    for email in spec.get("attended", []):
        Presence.objects.create(
            session=session,
            user=User.objects.get(email=email),
            role="attendee",
            joined_at=session.starts_at + timedelta(minutes=2),
            last_seen_at=session.ends_at,
            left_at=session.ends_at,
        )
    ending.end_session(by=session.host, session=session)
    for email, stars in spec.get("ratings", {}).items():
        ratings.rate(user=User.objects.get(email=email), session=session, stars=stars)
    if spec.get("recording") != "add_to_course":
        return
    try:
        recordings.fetch_all(session.pk)
    except (RoomError, recordings.NotReadyYet) as error:
        logger.warning("The past class has no recording (%s).", error)
        return
    for recording in session.recordings.filter(video__isnull=False):
        recordings.add_to_course(by=session.host, recording=recording)
