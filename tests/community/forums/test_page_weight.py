"""A thread page's first view on a phone (HTML + CSS + JS) stays under 60 KB, with a
full page of replies and comments on screen."""

import pytest

from ...bench.bench_page_weight import AssetCollector, asset_bytes
from .builders import add_replies
from .conftest import ask

pytestmark = pytest.mark.django_db

FIRST_VIEW_BUDGET = 60_000  # bytes, issue: forum thread page first view ≤ 60 KB


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("who", ["linda", "instructor"])
def test_thread_page_first_view_is_under_60_kb(client, people, language, who):
    authors = [people["linda"], people["nadia"], people["instructor"]]
    thread = ask(people, who="nadia")
    add_replies(thread, authors, 40, comments_every=2)
    client.force_login(people[who])
    response = client.get(f"/{language}/forums/thread/{thread.pk}/")
    assert response.status_code == 200
    html = response.content
    collector = AssetCollector()
    collector.feed(html.decode())
    weights = {
        url: len(asset_bytes(client, url)) for kind, url in collector.assets if kind != "img_later"
    }
    total = len(html) + sum(weights.values())
    print(f"thread page ({language}, {who}): HTML {len(html)} B + {weights} = {total} B")
    assert any(url.endswith("forums.css") for url in weights)
    assert total <= FIRST_VIEW_BUDGET
