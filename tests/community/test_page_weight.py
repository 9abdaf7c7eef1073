"""A group's page, first view on a phone (HTML + CSS + JS + images on the first screen),
stays under 60 KB with a full wall of tips, suppliers and photos."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community import calendar, wall

from ..bench.bench_page_weight import AssetCollector, asset_bytes
from .conftest import add_member, address, make_group, photo_upload

FIRST_VIEW_BUDGET = 60_000  # bytes, issue: group page first view ≤ 60 KB


@pytest.mark.parametrize("language", ["fr", "en"])
def test_group_page_first_view_is_under_60_kb(client, people, language):
    group = make_group(people)
    add_member(group, people["classmate"])
    for number in range(12):
        if number % 3 == 0:
            wall.post_resource(
                user=people["founder"],
                group=group,
                kind="photo",
                text=f"Knotless {number}",
                uploads=[photo_upload(f"p{number}.jpg")],
            )
        elif number % 3 == 1:
            wall.post_resource(
                user=people["classmate"],
                group=group,
                kind="supplier",
                supplier_name="Chez Mama Rose, Marché Central",
                supplier_town=people["douala"],
                supplier_phone="677123456",
                text="Mèches X-pression à 1 500 FCFA, ouvert le dimanche.",
            )
        else:
            wall.post_resource(
                user=people["founder"],
                group=group,
                kind="tip",
                text="Hydratez les cheveux la veille et démêlez-les du bas vers le haut. " * 3,
            )
    calendar.plan_session(
        user=people["founder"],
        group=group,
        title="Knotless sur tête malléable",
        starts_at=timezone.now() + timedelta(days=5),
        place="Salon Akwa",
    )
    client.force_login(people["classmate"])
    response = client.get(address(group, language))
    assert response.status_code == 200
    html = response.content
    collector = AssetCollector()
    collector.feed(html.decode())
    weights = {
        url: len(asset_bytes(client, url)) for kind, url in collector.assets if kind != "img_later"
    }
    total = len(html) + sum(weights.values())
    print(f"group page ({language}): HTML {len(html)} B + {weights} = {total} B")
    assert any(url.endswith("community.css") for url in weights)
    assert total <= FIRST_VIEW_BUDGET
