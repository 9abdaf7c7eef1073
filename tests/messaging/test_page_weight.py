"""The conversation page's first view on a phone (HTML + CSS + JS) stays under 60 KB,
with 30 messages on screen."""

import pytest

from messaging import services

from ..bench.bench_page_weight import AssetCollector, asset_bytes
from .conftest import course_about, start

FIRST_VIEW_BUDGET = 60_000  # bytes, issue: conversation page first view ≤ 60 KB


@pytest.mark.parametrize("language", ["fr", "en"])
def test_conversation_page_first_view_is_under_60_kb(client, people, language):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    for number in range(40):
        writer = people["student"] if number % 2 else people["instructor"]
        services.send_text(
            user=writer,
            conversation=chat,
            text=f"Message {number}: pour des tresses qui tiennent, hydratez la veille.",
        )
    client.force_login(people["student"])
    response = client.get(f"/{language}/messages/{chat.pk}/")
    assert response.status_code == 200
    html = response.content
    collector = AssetCollector()
    collector.feed(html.decode())
    weights = {
        url: len(asset_bytes(client, url)) for kind, url in collector.assets if kind != "img_later"
    }
    total = len(html) + sum(weights.values())
    print(f"conversation page ({language}): HTML {len(html)} B + {weights} = {total} B")
    assert any(url.endswith("conversation.js") for url in weights)
    assert total <= FIRST_VIEW_BUDGET
