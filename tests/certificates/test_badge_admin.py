"""Moderators define badges in the Wagtail admin (a rule needs its target) and revoke
awards with a reason; students and instructors cannot."""

import pytest
from django.urls import reverse

from certificates.badges import services
from certificates.models import Badge

from .badges_kit import badge_site, course_badge, graduate

__all__ = ["badge_site", "course_badge", "graduate"]


def _form(badge_site, **changes):
    values = {
        "name_fr": "Reine du teint",
        "name_en": "Complexion queen",
        "slug": "reine-du-teint",
        "image": badge_site["image"].pk,
        "criteria_fr": "Terminer Teint parfait.",
        "criteria_en": "Complete Flawless complexion.",
        "rule": "courses",
        "courses": [badge_site["course"].pk],
        "count": 1,
        "is_active": "on",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def test_a_moderator_defines_a_badge_that_is_then_awarded(client, badge_site, moderator):
    client.force_login(moderator)

    response = client.post(reverse("badge_admin:add"), _form(badge_site))

    assert response.status_code == 302
    badge = Badge.objects.get(slug="reine-du-teint")
    assert list(badge.courses.all()) == [badge_site["course"]]
    assert services.sweep() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"courses": None}, "courses"),
        ({"rule": "curriculum", "courses": None}, "curriculum"),
        ({"rule": "no-such-rule"}, "rule"),
        ({"count": 0, "rule": "challenges_won"}, "count"),
    ],
)
def test_a_badge_without_its_rule_target_is_refused(client, badge_site, moderator, changes, field):
    client.force_login(moderator)

    response = client.post(reverse("badge_admin:add"), _form(badge_site, **changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Badge.objects.exists()


def test_the_rule_choices_include_those_community_registered(client, moderator):
    client.force_login(moderator)

    page = client.get(reverse("badge_admin:add")).content.decode()

    for rule in ("courses", "curriculum", "challenges_won", "mentoring_given"):
        assert f'value="{rule}"' in page


@pytest.mark.parametrize("role", ["student", "instructor"])
def test_students_and_instructors_cannot_define_badges(client, badge_site, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.post(reverse("badge_admin:add"), _form(badge_site))

    assert response.status_code in (302, 403)
    assert not Badge.objects.exists()


def test_a_moderator_revokes_an_award_with_a_reason(client, course_badge, graduate, moderator):
    [award] = services.award_due(user=graduate)
    client.force_login(moderator)
    url = reverse("badge_award_admin:inspect", args=[award.pk])

    refused = client.post(url, {"reason": "  "})
    award.refresh_from_db()
    assert refused.status_code == 400 and not award.is_revoked

    listing = client.get(reverse("badge_award_admin:index"), {"q": award.code})
    response = client.post(url, {"reason": "Identité usurpée"})

    assert award.code in listing.content.decode()
    assert response.status_code == 302
    award.refresh_from_db()
    assert (award.is_revoked, award.revoked_by) == (True, moderator)
    page = client.get(f"/fr/verify/{award.code}").content.decode()
    assert "Ce badge a été révoqué" in page and "Identité usurpée" in page


def test_a_student_cannot_revoke_an_award(client, course_badge, graduate, student):
    [award] = services.award_due(user=graduate)
    client.force_login(student)

    response = client.post(
        reverse("badge_award_admin:inspect", args=[award.pk]), {"reason": "Jalousie"}
    )

    assert response.status_code in (302, 403)
    award.refresh_from_db()
    assert not award.is_revoked
