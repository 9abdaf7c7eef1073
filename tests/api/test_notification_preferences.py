"""A signed-in person reads and replaces her notification choices through the API,
with the preferences page's rules."""

import pytest

from notifications import kinds
from notifications.models import NotificationPreference, NotificationSettings

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/notification-preferences/"


def _optional_kind():
    return next(kind for kind in kinds.all_kinds() if not kind.essential and kind.allows("email"))


def _stored(world):
    return (
        list(NotificationPreference.objects.filter(user=world["student"]).values_list()),
        list(NotificationSettings.objects.filter(user=world["student"]).values_list()),
    )


def test_student_reads_the_defaults(student_api):
    body = student_api.get(URL).json()

    assert body["quiet_from"] is None
    assert body["digest"] is False
    kind = next(k for k in body["kinds"] if k["kind"] == _optional_kind().key)
    assert "email" in kind["allowed_channels"]


def test_student_keeps_only_email_for_one_kind_with_quiet_hours(student_api, world):
    kind = _optional_kind()

    response = student_api.put(
        URL,
        {
            "quiet_from": "22:00",
            "quiet_to": "07:00",
            "digest": True,
            "enabled": [{"kind": kind.key, "channel": "email"}],
        },
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["quiet_from"], body["quiet_to"], body["digest"]) == ("22:00", "07:00", True)
    shown = next(k for k in body["kinds"] if k["kind"] == kind.key)
    assert shown["enabled_channels"] == ["email"]
    assert NotificationSettings.objects.get(user=world["student"]).digest is True


@pytest.mark.parametrize(
    "choices",
    [
        {"enabled": [{"kind": "no-such-kind", "channel": "email"}]},
        {"enabled": [], "quiet_from": "22:00"},
        {"enabled": [], "quiet_from": "22:00", "quiet_to": "22:00"},
        {"enabled": [{"kind": "x", "channel": "pigeon"}]},
        {"digest": True},
    ],
)
def test_bad_choices_change_nothing(student_api, world, choices):
    before = _stored(world)

    assert_problem(student_api.put(URL, choices, content_type="application/json"), 400)

    assert _stored(world) == before


def test_anonymous_caller_has_no_preferences(api, world):
    assert_problem(api.get(URL), 401)
