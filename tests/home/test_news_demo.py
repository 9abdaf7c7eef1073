"""The demo has five news articles in French and English, signed by the demo moderator,
one per topic; loading it again changes nothing."""

import pytest
from wagtail.models import Locale

from demo.loaders import news, people
from demo.loaders import site as site_demo
from home.models import NewsArticlePage, NewsIndexPage, Topic

pytestmark = pytest.mark.django_db


def test_demo_news_loads_once_in_both_languages(client):
    people.load()
    site_demo.load()
    index = news.load()
    news.load()

    french, english = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    assert NewsIndexPage.objects.count() == 2 and index.show_in_menus
    articles = NewsArticlePage.objects.filter(locale=french)
    assert articles.count() == 5
    assert NewsArticlePage.objects.filter(locale=english).count() == 5
    assert {a.topic for a in articles} == set(Topic.values)
    assert all(a.cover_image_id and a.author.email == "moderator@demo.bsa" for a in articles)
    assert all(len(a.intro) <= 250 for a in NewsArticlePage.objects.all())

    french_html = client.get("/fr/actualites/").content.decode()
    english_html = client.get("/en/news/").content.decode()
    assert "Saison des pluies : les coiffures protectrices qui tiennent" in french_html
    assert "Rainy season: protective styles that last" in english_html
    article = client.get("/en/news/pricing-your-braiding-services/").content.decode()
    assert "16,000&nbsp;FCFA" in article and "By Marie Nkeng" in article
