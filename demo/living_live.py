"""The living demo's live sessions (demo/content/live.yaml): an upcoming paid class of
the braiding course, a practice session of the Douala braiding group and an expert Q&A,
scheduled through live's services and registered for through them, or for a paid
session through checkout's sandbox, so their rules apply."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community.models import Group
from course_pages.models import CoursePage
from live import registration, scheduling

from .content import read
from .living_payments import pay, phone_of

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
        starts_at=_starts_at(spec),
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
