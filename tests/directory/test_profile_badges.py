"""A professional's profile shows her academy badges next to her certificates, and
costs the same number of queries with four times more badges."""

from certificates.badges import services

from ..certificates.badges_kit import badge_image, make_badge
from ..query_counts import warm_queries
from .builders import make_professional


def _award(pro, image, first, last):
    for number in range(first, last):
        badge = make_badge(
            slug=f"badge-{number}",
            rule="challenges_won",
            name_fr=f"Championne {number}",
            name_en=f"Champion {number}",
            image=image,
        )
        services.award(badge=badge, user=pro.user)


def test_the_profile_shows_badges_at_a_constant_cost(client, directory):
    pro = make_professional(directory["index"], "Pro Badges")
    image = badge_image()
    _award(pro, image, 0, 1)
    few = warm_queries(client, pro.url)

    _award(pro, image, 1, 4)

    assert warm_queries(client, pro.url) == few
    page = client.get(pro.url).content.decode()
    for number in range(4):
        assert f"Championne {number}" in page
