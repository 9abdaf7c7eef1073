"""The news reaches people outside the index: an RSS feed per language, linked from the
index, and the home page's three latest articles of its language."""

import re
import xml.etree.ElementTree as ET

import pytest

from home.models import Topic

from .builders import cover, make_article

pytestmark = pytest.mark.django_db


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    # Our own feed, made by the test server: not untrusted XML.
    return ET.fromstring(response.content).find("channel")  # noqa: S314


@pytest.mark.parametrize(
    ("index_path", "feed_path", "language", "first_title", "link"),
    [
        (
            "/fr/actualites/",
            "/fr/actualites/feed/",
            "fr",
            "Article 03",
            "/fr/actualites/article-03/",
        ),
        ("/en/news/", "/en/news/feed/", "en", "Article 03 in English", "/en/news/article-03-en/"),
    ],
)
def test_each_language_has_its_rss_feed_linked_from_the_index(
    client, news_site, index_path, feed_path, language, first_title, link
):
    for number in (1, 2, 3):
        make_article(
            news_site["index"],
            number,
            english=news_site["en"],
            author=news_site["moderator"],
            topic=Topic.PRODUCTS,
        )
    index_html = client.get(index_path).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="' in index_html
    assert f'href="{feed_path}"' in index_html

    channel = feed(client, feed_path)

    assert channel.findtext("language") == language
    items = channel.findall("item")
    assert len(items) == 3
    assert items[0].findtext("title") == first_title
    assert items[0].findtext("link") == f"http://testserver{link}"
    assert items[0].findtext("description")
    assert items[0].findtext("category") in ("Produits", "Products")
    assert items[0].findtext("pubDate")


def test_the_feed_escapes_markup_and_leaves_drafts_out(client, news_site):
    make_article(news_site["index"], 1, title="Tresses & <b>mèches</b>")
    make_article(news_site["index"], 2, live=False, title="Brouillon")

    items = feed(client, "/fr/actualites/feed/").findall("item")

    assert [item.findtext("title") for item in items] == ["Tresses & <b>mèches</b>"]


def test_an_unknown_address_under_the_index_is_not_found(client, news_site):
    assert client.get("/fr/actualites/flux/").status_code == 404


def news_section(html):
    match = re.search(r'<section[^>]*aria-labelledby="home-news".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_home_shows_the_three_latest_articles_of_its_language(client, news_site):
    for number in range(1, 6):
        make_article(
            news_site["index"],
            number,
            english=news_site["en"] if number <= 2 else None,
            cover_image=cover(f"n{number}"),
        )

    french = news_section(client.get("/fr/").content.decode())
    english = news_section(client.get("/en/").content.decode())

    assert re.findall(r'card-title">([^<]+)<', french) == ["Article 05", "Article 04", "Article 03"]
    assert 'href="/fr/actualites/"' in french and "Actualités et tendances" in french
    assert re.findall(r'card-title">([^<]+)<', english) == [
        "Article 02 in English",
        "Article 01 in English",
    ]
    assert 'href="/en/news/"' in english
    assert 'loading="lazy"' in french


def test_home_without_articles_has_no_news_section(client, news_site):
    assert news_section(client.get("/fr/").content.decode()) == ""


def test_home_query_count_does_not_grow_with_articles(
    client, news_site, django_assert_max_num_queries
):
    make_article(news_site["index"], 1, cover_image=cover("h1"))
    client.get("/fr/")
    with django_assert_max_num_queries(40) as one:
        client.get("/fr/")
    with_one = len(one)
    for number in range(2, 9):
        make_article(news_site["index"], number, cover_image=cover(f"h{number}"))
    client.get("/fr/")
    with django_assert_max_num_queries(with_one):
        client.get("/fr/")
