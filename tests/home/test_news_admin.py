"""Moderators write the news in the Wagtail admin; students and instructors cannot."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.models import INSTRUCTORS_GROUP, MODERATORS_GROUP, User
from home.models import NewsArticlePage, NewsIndexPage
from home.news_permissions import grant_moderator_news_permissions

from ..conftest import make_person

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["home", "newsarticlepage", parent.pk])


def article_form(author, **fields):
    data = {
        "title": "Les tendances de la rentrée",
        "slug": "tendances-rentree",
        "date": "2026-09-01",
        "intro": "Ce que les clientes demandent en septembre.",
        "topic": "trends",
        "author": author.pk,
        "body": streamfield([("heading", "Les couleurs")]),
        "comments": inline_formset([]),
        "action-publish": "1",
    }
    data.update(fields)
    return nested_form_data(data)


def test_moderators_hold_add_edit_and_publish_on_every_news_index(news_site):
    for index in (news_site["index"], news_site["index_en"]):
        codenames = set(
            GroupPagePermission.objects.filter(
                group__name=MODERATORS_GROUP, page=index
            ).values_list("permission__codename", flat=True)
        )
        assert {"add_page", "change_page", "publish_page"} <= codenames
    assert grant_moderator_news_permissions() == 0  # idempotent


def test_a_moderator_writes_and_publishes_an_article_signed_by_herself(client, news_site):
    moderator = news_site["moderator"]
    client.force_login(moderator)

    form = client.get(add_url(news_site["index"]))
    assert form.status_code == 200
    assert f'<option value="{moderator.pk}" selected>' in form.content.decode()

    response = client.post(add_url(news_site["index"]), article_form(moderator))

    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="tendances-rentree")
    assert article.live and article.author == moderator and article.owner == moderator
    assert client.get("/fr/actualites/tendances-rentree/").status_code == 200


def test_an_intro_over_250_characters_is_refused_and_nothing_is_saved(client, news_site):
    moderator = news_site["moderator"]
    client.force_login(moderator)

    response = client.post(add_url(news_site["index"]), article_form(moderator, intro="a" * 251))

    assert response.status_code == 200
    assert "250" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="tendances-rentree").exists()


def test_only_moderators_can_sign_an_article(client, news_site):
    moderator = news_site["moderator"]
    student = make_person("awa.student@example.cm", is_student=True)
    client.force_login(moderator)

    response = client.post(add_url(news_site["index"]), article_form(student))

    assert response.status_code == 200
    assert not NewsArticlePage.objects.filter(slug="tendances-rentree").exists()


def test_a_student_can_neither_open_nor_post_the_article_form(client, news_site):
    student = make_person("awa.student@example.cm", is_student=True)
    client.force_login(student)

    assert client.get(add_url(news_site["index"])).status_code == 302
    client.post(add_url(news_site["index"]), article_form(news_site["moderator"]))

    assert not NewsArticlePage.objects.filter(slug="tendances-rentree").exists()


def test_an_instructor_cannot_write_news(client, news_site):
    instructor = make_person(
        "ben@example.cm",
        groups=[INSTRUCTORS_GROUP],
        instructor_status=User.InstructorStatus.APPROVED,
    )
    client.force_login(instructor)

    response = client.post(add_url(news_site["index"]), article_form(news_site["moderator"]))

    assert response.status_code == 302 and response.url == "/admin/"
    assert not NewsArticlePage.objects.filter(slug="tendances-rentree").exists()


def test_a_news_index_made_in_the_admin_is_open_to_moderators_at_once(client, news_site):
    NewsIndexPage.objects.filter(pk=news_site["index_en"].pk).delete()
    GroupPagePermission.objects.filter(page__in=NewsIndexPage.objects.all()).delete()
    admin = make_person("admin@example.cm", is_superuser=True, is_staff=True)
    client.force_login(admin)
    home_en = news_site["home_en"]
    url = reverse("wagtailadmin_pages:add", args=["home", "newsindexpage", home_en.pk])

    response = client.post(
        url,
        nested_form_data(
            {"title": "News", "slug": "news", "intro": "", "comments": inline_formset([])}
        ),
    )

    assert response.status_code == 302
    index = NewsIndexPage.objects.get(locale=news_site["en"])
    assert GroupPagePermission.objects.filter(
        group__name=MODERATORS_GROUP, page=index, permission__codename="add_page"
    ).exists()


def test_an_article_cannot_take_the_feeds_address(client, news_site):
    moderator = news_site["moderator"]
    client.force_login(moderator)

    response = client.post(add_url(news_site["index"]), article_form(moderator, slug="feed"))

    assert response.status_code == 200
    assert "Cette adresse est celle du flux d&#x27;actualités" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="feed").exists()
    assert client.get("/fr/actualites/feed/")["Content-Type"].startswith("application/rss+xml")
