"""Search in a forum: every word, accents and case aside, each word as a prefix;
newest first, by pages; only this forum; deleted posts not found. Runs on SQLite and
on PostgreSQL (full text) with the same answers."""

import pytest

from .builders import add_threads, index_for_search
from .conftest import answer, ask

pytestmark = pytest.mark.django_db


def search(client, people, q, *, forum=None, language="fr", page=None):
    forum = forum or people["forum"]
    path = f"/{language}/forums/{forum.pk}/search/?q={q}" + (f"&page={page}" if page else "")
    response = client.get(path)
    assert response.status_code == 200
    return response.text


def test_words_are_found_without_accents_or_case(client, people):
    thread = ask(people, title="Mèches qui glissent", body="Mes vanilles se défont après 2 jours.")
    answer(people, thread, body="Utilisez un gel fixant léger sur les racines.")
    client.force_login(people["nadia"])
    assert "Mèches qui glissent" in search(client, people, "MECHES")
    assert "gel fixant" in search(client, people, "fixant racines")
    # Every word must be there.
    assert "gel fixant" not in search(client, people, "fixant poudre")
    # A word is a prefix: "vanille" finds "vanilles", "defon" finds "défont".
    assert "Mes vanilles" in search(client, people, "vanille defon")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_match_and_no_words(client, people, language):
    ask(people)
    client.force_login(people["nadia"])
    text = search(client, people, "kératine", language=language).replace("\u00a0", " ")
    assert {"fr": "Aucun message ne correspond à « kératine »", "en": "No post matches “kératine”"}[
        language
    ] in text
    empty = search(client, people, "   ", language=language)
    assert {"fr": "Tapez un ou plusieurs mots", "en": "Type one or more words"}[language] in empty


def test_only_this_forum_and_no_deleted_posts(client, people):
    from community.forums import posting

    ask(people, title="Tarifs des tresses", forum=people["business"])
    thread = ask(people, title="Tresses collées", body="Ma question")
    gone = answer(people, thread, body="Tresses : réponse retirée")
    posting.delete(user=people["instructor"], post=gone)
    client.force_login(people["nadia"])
    page = search(client, people, "tresses")
    assert "Tresses collées" in page
    assert "Tarifs des tresses" not in page
    assert "réponse retirée" not in page


def test_results_come_by_pages_newest_first(client, people):
    authors = [people["linda"], people["nadia"]]
    add_threads(people["forum"], authors, 45)
    index_for_search(people["forum"])
    client.force_login(people["nadia"])
    first = search(client, people, "question")
    assert "45 messages correspondent." in first
    assert "Page 1 sur 3" in first or "Page 1 of 3" in first
    third = search(client, people, "question", page=3)
    assert third.count('<li><a href="/fr/forums/thread/') == 5
