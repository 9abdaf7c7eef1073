"""People around live sessions, built once per module: a course with its instructor
(Aïcha) and an enrolled student (Nadia), a study group Nadia owns with a member
(Linda), a stranger who never enrolled (Paul) and a moderator (Mireille). Sessions are
made per test through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ..community.conftest import add_member, build_community_site, make_group, plain, shows
from ..shared_build import built_once_per_module

__all__ = ["plain", "shows"]


def build_live_site():
    site = build_community_site()
    group = make_group(site, owner=site["founder"], name="Tresses Douala")
    add_member(group, site["classmate"])
    site["group"] = group
    return site


live_site = built_once_per_module(build_live_site, "live_site")


@pytest.fixture
def people(live_site):
    return live_site


def soon(**delta):
    """A moment from now, rounded to the minute (as people type times)."""
    return (timezone.now() + timedelta(**delta)).replace(second=0, microsecond=0)


def make_session(site, kind="class", **fields):
    from live import scheduling

    hosts = {"class": "teacher", "practice": "founder", "expert_qa": "moderator"}
    fields.setdefault("host", site[hosts[kind]])
    fields.setdefault("title_fr", "Tresses en direct")
    fields.setdefault("title_en", "Live braids")
    fields.setdefault("starts_at", soon(days=2))
    fields.setdefault("duration_minutes", 60)
    fields.setdefault("capacity", 20)
    if kind == "class":
        fields.setdefault("course", site["course"])
    if kind == "practice":
        fields.setdefault("group", site["group"])
    return scheduling.schedule_session(kind=kind, **fields)


def enrolled_student(site, email, **fields):
    from enrolment.services import enrol

    from ..conftest import make_person

    person = make_person(email, **fields)
    enrol(user=person, course=site["course"])
    return person


def start_now(session, *, minutes_ago=0):
    """Pretend the session starts `minutes_ago` minutes ago (negative: in the future)."""
    from live.models import LiveSession

    LiveSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    session.refresh_from_db()
    return session
