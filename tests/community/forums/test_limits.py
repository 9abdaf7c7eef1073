"""How fast people post, and what a new member may not post (links, several photos),
each refusal clear and storing nothing."""

import pytest

from community.models import Post

from ...conftest import make_person
from .conftest import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(people):
    from enrolment.services import enrol

    user = make_person("nouvelle@example.cm", first_name="Flore", last_name="Nouvelle")
    enrol(user=user, course=people["course"])
    return user


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_new_member_posts_no_links(client, people, newcomer, language):
    thread = ask(people)
    client.force_login(newcomer)
    before = Post.objects.count()
    response = client.post(
        f"/{language}/forums/thread/{thread.pk}/reply/",
        {"body": "Mes produits pas chers sur www.promo-meches.cm"},
    )
    assert response.status_code == 400
    assert {
        "fr": "Les nouveaux membres ne peuvent pas publier de liens",
        "en": "New members can't post links during their first days",
    }[language] in response.text.replace("&#x27;", "'")
    assert Post.objects.count() == before
    # Older members may.
    client.force_login(people["nadia"])
    response = client.post(
        f"/{language}/forums/thread/{thread.pk}/reply/", {"body": "Voir www.bsa.cm"}
    )
    assert response.status_code == 302


def test_posting_too_fast_is_refused(client, people, settings):
    settings.COMMUNITY_POSTS_PER_HOUR = 3
    thread = ask(people, who="nadia")
    client.force_login(people["linda"])
    for number in range(3):
        response = client.post(f"/fr/forums/thread/{thread.pk}/reply/", {"body": f"R{number}"})
        assert response.status_code == 302
    before = Post.objects.count()
    response = client.post(f"/fr/forums/thread/{thread.pk}/reply/", {"body": "Encore"})
    assert response.status_code == 400
    assert "Vous publiez trop vite." in response.text
    assert Post.objects.count() == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_new_member_posts_a_few_times_a_day(client, people, newcomer, language, settings):
    settings.COMMUNITY_NEW_MEMBER_POSTS_PER_DAY = 2
    thread = ask(people)
    client.force_login(newcomer)
    for number in range(2):
        response = client.post(
            f"/{language}/forums/thread/{thread.pk}/reply/", {"body": f"R{number}"}
        )
        assert response.status_code == 302
    before = Post.objects.count()
    response = client.post(
        f"/{language}/forums/{people['forum'].pk}/new/", {"title": "Encore", "body": "Moi"}
    )
    assert response.status_code == 400
    assert {
        "fr": "Les nouveaux membres peuvent publier 2 fois par jour",
        "en": "New members can post 2 times a day during their first days.",
    }[language] in response.text
    assert Post.objects.count() == before
