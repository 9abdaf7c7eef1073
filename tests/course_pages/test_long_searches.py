"""A catalogue search too long to be a real one gets a clear message, not a 500
(150 words overflowed the Wagtail search backend's recursion on PostgreSQL)."""

import html

import pytest

from .builders import build_site, make_course, make_instructor

LONG_IN_WORDS = " ".join(["tresse"] * 150)
LONG_IN_LETTERS = "t" * 10_000


@pytest.fixture
def site(db):
    data = build_site()
    _, data["instructor_page"] = make_instructor("aicha@example.cm", index=data["instructors"])
    return data


def page_text(response):
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_a_search_of_many_words_is_refused_with_a_message_and_lists_everything(client, site):
    make_course(site["catalogue"], site["instructor_page"], title="Maquillage de mariée")

    french = client.get("/fr/formations/", {"q": " ".join(["tresse"] * 11)})
    english = client.get("/en/courses/", {"q": " ".join(["braid"] * 11)})

    assert french.status_code == 200 and english.status_code == 200
    assert "Cherchez avec 10 mots au plus." in page_text(french)
    assert "Maquillage de mariée" in page_text(french)
    assert "Search with 10 words at most." in page_text(english)


@pytest.mark.django_db
def test_a_search_of_thousands_of_letters_is_refused_with_a_message(client, site):
    for query in (LONG_IN_LETTERS, LONG_IN_WORDS):
        response = client.get("/fr/formations/", {"q": query})

        assert response.status_code == 200
        assert "Raccourcissez votre recherche à 100 caractères au plus." in page_text(response)


@pytest.mark.django_db
def test_a_search_of_ten_words_still_searches(client, site):
    make_course(site["catalogue"], site["instructor_page"], title="Maquillage de mariée")

    response = client.get("/fr/formations/", {"q": "maquillage " * 10})

    assert "mots au plus" not in page_text(response)
