"""The news index, first view on a phone (HTML + CSS + JS + images on the first screen),
stays under 60 KB with a full page of twelve cards."""

import pytest

from home.models import Topic

from ..bench.bench_page_weight import AssetCollector, asset_bytes
from .builders import cover, make_article

FIRST_VIEW_BUDGET = 60_000  # bytes, brief: news index first view ≤ 60 KB on a phone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "path"), [("fr", "/fr/actualites/"), ("en", "/en/news/")])
def test_news_index_first_view_is_under_60_kb(client, news_site, language, path):
    covers = [cover(f"poids-{n}") for n in range(4)]
    for number in range(1, 13):
        make_article(
            news_site["index"],
            number,
            english=news_site["en"],
            cover_image=covers[number % 4],
            topic=Topic.values[number % 5],
            intro="Des conseils concrets pour les pros de la beauté au Cameroun. " * 3,
        )
    response = client.get(path)
    assert response.status_code == 200
    html = response.content
    collector = AssetCollector()
    collector.feed(html.decode())
    weights = {
        url: len(asset_bytes(client, url)) for kind, url in collector.assets if kind != "img_later"
    }
    total = len(html) + sum(weights.values())
    print(f"news index ({language}): HTML {len(html)} B + {weights} = {total} B")
    assert any(url.endswith("news.css") for url in weights)
    assert total <= FIRST_VIEW_BUDGET
