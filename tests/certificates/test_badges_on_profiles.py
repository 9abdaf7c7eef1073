"""Earned badges show on the holder's dashboard, her "my certificates" page and her
public member page, with their pictures; revoked ones leave the public page; the member
page costs the same number of queries with more badges."""

import pytest

from certificates.badges import services

from ..query_counts import warm_queries
from .badges_kit import badge_site, course_badge, graduate, make_badge

__all__ = ["badge_site", "course_badge", "graduate"]


def _award_more(badge_site, graduate, count):
    for number in range(count):
        badge = make_badge(
            slug=f"extra-{number}",
            name_fr=f"Badge en plus {number}",
            name_en=f"Extra badge {number}",
            courses=[badge_site["course"]],
            image=badge_site["image"],
        )
        services.award(badge=badge, user=graduate)


@pytest.mark.parametrize(
    ("language", "name"), [("fr", "Experte du teint"), ("en", "Complexion expert")]
)
def test_the_dashboard_shows_her_badges(client, course_badge, graduate, language, name):
    services.award_due(user=graduate)
    client.force_login(graduate)

    page = client.get(f"/{language}/account/").content.decode()

    assert name in page
    assert ".webp" in page


def test_her_member_page_shows_valid_badges_only(client, course_badge, graduate, moderator):
    [award] = services.award_due(user=graduate)
    url = f"/en/community/members/{graduate.pk}/"

    assert "Complexion expert" in client.get(url).content.decode()
    services.revoke(award=award, reason="Erreur", revoked_by=moderator)
    assert "Complexion expert" not in client.get(url).content.decode()


def test_the_member_page_costs_the_same_with_more_badges(client, badge_site, graduate):
    url = f"/fr/community/members/{graduate.pk}/"
    _award_more(badge_site, graduate, 1)
    few = warm_queries(client, url)

    for number in range(1, 4):
        badge = make_badge(
            slug=f"later-{number}", courses=[badge_site["course"]], image=badge_site["image"]
        )
        services.award(badge=badge, user=graduate)

    assert warm_queries(client, url) == few
