"""The topic forums exist wherever the site is installed (a data migration), with
titles and introductions in both languages; the well-being corner speaks of the stress
of working alone."""

import pytest

from community.models import Forum

pytestmark = pytest.mark.django_db


def test_three_topic_forums_in_both_languages(client, people):
    topics = Forum.objects.filter(kind=Forum.Kind.TOPIC)
    assert [forum.slug for forum in topics] == ["tendances-et-produits", "business", "bien-etre"]
    client.force_login(people["stranger"])
    french = client.get("/fr/forums/").text.replace("\u00a0", " ")
    english = client.get("/en/forums/").text
    for title in ["Tendances et produits", "Business : prix, clientes, impôts", "Coin bien-être"]:
        assert title in french
    for title in ["Trends and products", "Business: pricing, clients, taxes", "Well-being corner"]:
        assert title in english


@pytest.mark.parametrize(
    "language, words",
    [("fr", "Travailler seule"), ("en", "Working alone means carrying the empty days")],
)
def test_the_well_being_corner_has_its_resources(client, people, language, words):
    corner = Forum.objects.get(slug="bien-etre")
    client.force_login(people["linda"])
    page = client.get(f"/{language}/forums/{corner.pk}/").text.replace("&#x27;", "'")
    assert words in page
    assert {"fr": "consultez un médecin", "en": "see a doctor"}[language] in page


def test_the_index_lists_my_course_forums_only(client, people):
    client.force_login(people["linda"])
    assert "Teint parfait" in client.get("/fr/forums/").text
    assert "Mariée" not in client.get("/fr/forums/").text
    client.force_login(people["stranger"])
    assert "Teint parfait" not in client.get("/fr/forums/").text
    client.force_login(people["instructor"])
    assert "Teint parfait" in client.get("/en/forums/").text
