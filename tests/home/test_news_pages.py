"""The news: an index per language, newest first, twelve a page, filtered by topic; an
article page with its byline, canonical address, hreflang and schema.org NewsArticle data
— in French and English, in a fixed number of queries."""

import json
import re

import pytest
from wagtail.models import Page

from home.models import HomePage, NewsArticlePage, NewsIndexPage, StandardPage, Topic

from ..query_counts import PUBLIC_PAGE_BUDGET
from .builders import cover, make_article

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def card_titles(html):
    return re.findall(r'<strong class="card-title">([^<]+)</strong>', html)


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    )


def test_news_pages_sit_where_the_site_expects_them(news_site):
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage]
    assert NewsArticlePage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsArticlePage.allowed_subpage_models() == []
    assert not NewsArticlePage.can_create_at(news_site["home"])
    assert not NewsArticlePage.can_create_at(Page.objects.filter(slug="faq").first().specific)
    assert NewsArticlePage.can_create_at(news_site["index"])
    # One news index per home page.
    assert not NewsIndexPage.can_create_at(news_site["home"])
    assert StandardPage not in NewsIndexPage.allowed_subpage_models()


@pytest.mark.parametrize(
    ("language", "index_path", "title", "intro"),
    [
        ("fr", "/fr/actualites/", "Article 01", "Ce qu&#x27;il faut savoir, numéro 1."),
        ("en", "/en/news/", "Article 01 in English", "What to know, number 1."),
    ],
)
def test_index_and_article_render_in_each_language(
    client, news_site, language, index_path, title, intro
):
    article = make_article(
        news_site["index"], 1, english=news_site["en"], cover_image=cover("tresses")
    )
    html = get(client, index_path)
    assert card_titles(html) == [title]
    assert intro in html
    assert 'loading="lazy"' in html
    assert re.search(r'srcset="[^"]+\.webp 360w, [^"]+\.webp 720w"', html)

    translated = article if language == "fr" else article.get_translation(news_site["en"])
    html = get(client, translated.url)
    assert f"<h1>{title}</h1>" in html
    assert "Mireille" not in html  # nobody signs: the academy does
    assert "Beauty Skills Academy" in html
    assert f'<html lang="{language}">' in html


def test_article_shows_its_moderator_date_topic_and_body(client, news_site):
    article = make_article(
        news_site["index"],
        1,
        days_ago=0,
        topic=Topic.BUSINESS,
        author=news_site["moderator"],
        title="Fixer ses prix",
    )
    html = get(client, article.url)

    assert "Par Mireille Ngo" in html
    assert "Gestion" in html  # the topic, in French
    assert f'datetime="{article.date:%Y-%m-%d}"' in html
    assert "Texte de l&#x27;article 1." in html or "Texte de l'article 1." in html
    assert "← Tous les articles" in html


def test_article_has_news_article_json_ld_canonical_and_hreflang(client, news_site):
    article = make_article(
        news_site["index"],
        1,
        english=news_site["en"],
        author=news_site["moderator"],
        cover_image=cover("karite"),
    )
    html = get(client, article.url)
    data = json_ld(html)

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Article 01"
    assert data["inLanguage"] == "fr"
    assert data["datePublished"] == article.date.isoformat()
    assert data["author"] == {"@type": "Person", "name": "Mireille Ngo"}
    assert data["mainEntityOfPage"] == "http://testserver/fr/actualites/article-01/"
    assert data["image"][0].startswith("http://testserver/") and data["image"][0].endswith(".webp")
    assert '<link rel="canonical" href="http://testserver/fr/actualites/article-01/">' in html
    assert 'hreflang="en" href="http://testserver/en/news/article-01-en/"' in html
    assert 'hreflang="fr" href="http://testserver/fr/actualites/article-01/"' in html


def test_a_title_with_markup_cannot_break_out_of_the_json_ld(client, news_site):
    article = make_article(news_site["index"], 1, title='Tresses</script><script>alert("x")')
    html = get(client, article.url)

    assert "<script>alert" not in html
    assert json_ld(html)["headline"] == 'Tresses</script><script>alert("x")'


def test_index_lists_newest_first_twelve_a_page(client, news_site):
    for number in range(1, 15):
        make_article(news_site["index"], number)

    first = card_titles(get(client, "/fr/actualites/"))
    second = card_titles(get(client, "/fr/actualites/?page=2"))

    assert first == [f"Article {n:02d}" for n in range(14, 2, -1)]
    assert second == ["Article 02", "Article 01"]


@pytest.mark.parametrize("page", ["abc", "0", "99", "-1"])
def test_a_bad_page_number_shows_the_first_page(client, news_site, page):
    for number in range(1, 14):
        make_article(news_site["index"], number)

    assert card_titles(get(client, f"/fr/actualites/?page={page}"))[0] == "Article 13"


def test_topic_filter_keeps_its_topic_across_pages(client, news_site):
    for number in range(1, 15):
        make_article(news_site["index"], number, topic=Topic.BUSINESS)
    make_article(news_site["index"], 20, topic=Topic.WELL_BEING, title="Travailler seule")

    html = get(client, "/fr/actualites/?topic=well-being")
    assert card_titles(html) == ["Travailler seule"]
    assert 'href="/fr/actualites/?topic=well-being" aria-current="page"' in html

    html = get(client, "/fr/actualites/?topic=business")
    assert len(card_titles(html)) == 12 and "Travailler seule" not in card_titles(html)
    assert 'href="?topic=business&amp;page=2"' in html


@pytest.mark.parametrize("topic", ["nothing", "<script>", "business'--", "x" * 500])
def test_an_unknown_topic_shows_every_article_with_a_note(client, news_site, topic):
    make_article(news_site["index"], 1, topic=Topic.BUSINESS)
    make_article(news_site["index"], 2, topic=Topic.PRODUCTS)

    response = client.get("/fr/actualites/", {"topic": topic})

    html = response.content.decode()
    assert response.status_code == 200
    assert card_titles(html) == ["Article 02", "Article 01"]
    assert "Nous ne connaissons pas ce sujet\u00a0: voici tous les articles." in html
    assert "<script>" not in html.split("<main")[1]


def test_an_empty_topic_says_so(client, news_site):
    make_article(news_site["index"], 1, topic=Topic.BUSINESS)

    html = get(client, "/en/news/?topic=products")

    assert card_titles(html) == []
    assert "No article on this topic yet" in html


def test_drafts_and_other_languages_stay_out_of_the_index(client, news_site):
    make_article(news_site["index"], 1, english=news_site["en"])
    make_article(news_site["index"], 2, live=False, title="Brouillon")

    assert card_titles(get(client, "/fr/actualites/")) == ["Article 01"]
    assert card_titles(get(client, "/en/news/")) == ["Article 01 in English"]


def _fill(index, start, count):
    covers = [cover(f"news-{start}-{n}") for n in range(3)]
    for number in range(start, start + count):
        make_article(index, number, cover_image=covers[number % 3], topic=Topic.values[number % 5])


@pytest.mark.parametrize("query", ["", "?topic=business", "?page=2"])
def test_index_query_count_does_not_grow_from_5_to_60_articles(
    client, news_site, query, django_assert_max_num_queries
):
    path = f"/fr/actualites/{query}"
    _fill(news_site["index"], 1, 5)
    client.get(path)  # renditions are made on the first view
    with django_assert_max_num_queries(PUBLIC_PAGE_BUDGET) as few:
        get(client, path)
    with_five = len(few)
    _fill(news_site["index"], 100, 55)
    client.get(path)
    with django_assert_max_num_queries(with_five):
        html = get(client, path)
    assert len(card_titles(html)) >= 1


def test_article_query_count_does_not_grow_with_its_body(
    client, news_site, django_assert_max_num_queries
):
    short = make_article(news_site["index"], 1, cover_image=cover("a"))
    client.get(short.url)
    with django_assert_max_num_queries(PUBLIC_PAGE_BUDGET) as one_block:
        get(client, short.url)
    with_one_block = len(one_block)
    body = [("heading", f"Partie {n}") for n in range(20)]
    long = make_article(news_site["index"], 2, cover_image=cover("b"), body=body)
    client.get(long.url)
    with django_assert_max_num_queries(with_one_block):
        get(client, long.url)
