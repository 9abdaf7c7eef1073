"""Q&A mode (Moodle's Q&A forum): a student sees the others' answers only once she has
posted her own; the person who asked, the instructor and moderators see them all
along. Search and photos keep the answers hidden too."""

import pytest

from .conftest import answer, ask, photo_upload

pytestmark = pytest.mark.django_db

NADIA_ANSWER = "Je pense que la poudre va après."


@pytest.fixture
def qa_thread(people, client):
    thread = ask(people, title="Exercice : poudre ou pas ?", who="instructor")
    client.force_login(people["instructor"])
    client.post(f"/fr/forums/thread/{thread.pk}/qa/", {"qa": "1"})
    thread.refresh_from_db()
    assert thread.qa_mode
    answer(people, thread, body=NADIA_ANSWER, who="nadia")
    client.logout()
    return thread


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_student_answers_before_she_sees_the_others(client, people, qa_thread, language):
    client.force_login(people["linda"])
    page = client.get(f"/{language}/forums/thread/{qa_thread.pk}/")
    assert NADIA_ANSWER not in page.text
    notice = {
        "fr": "publiez votre propre réponse pour voir l'autre réponse",
        "en": "post your own answer to see the other answer",
    }
    assert notice[language] in page.text.replace("&#x27;", "'")

    client.post(f"/{language}/forums/thread/{qa_thread.pk}/reply/", {"body": "Avant, moi."})
    page = client.get(f"/{language}/forums/thread/{qa_thread.pk}/")
    assert NADIA_ANSWER in page.text and "Avant, moi." in page.text


@pytest.mark.parametrize("who", ["instructor", "moderator"])
def test_leaders_see_every_answer(client, people, qa_thread, who):
    client.force_login(people[who])
    assert NADIA_ANSWER in client.get(f"/fr/forums/thread/{qa_thread.pk}/").text


def test_the_person_who_asked_sees_every_answer(client, people):
    thread = ask(people, title="Base matifiante ?", who="linda")
    people["forum"].qa_mode = True
    people["forum"].save()
    answer(people, thread, body=NADIA_ANSWER, who="nadia")
    client.force_login(people["linda"])
    assert NADIA_ANSWER in client.get(f"/fr/forums/thread/{thread.pk}/").text


def test_the_whole_forum_in_qa_mode(client, people):
    client.force_login(people["nadia"])
    assert client.post(f"/fr/forums/{people['forum'].pk}/qa/", {"qa": "1"}).status_code == 403
    client.force_login(people["instructor"])
    client.post(f"/fr/forums/{people['forum'].pk}/qa/", {"qa": "1"})
    thread = ask(people, title="Devoir de la semaine", who="instructor")
    answer(people, thread, body=NADIA_ANSWER, who="nadia")
    client.force_login(people["linda"])
    assert NADIA_ANSWER not in client.get(f"/fr/forums/thread/{thread.pk}/").text


def test_search_does_not_reveal_hidden_answers(client, people, qa_thread):
    client.force_login(people["linda"])
    page = client.get(f"/fr/forums/{people['forum'].pk}/search/?q=poudre")
    assert "Exercice : poudre ou pas ?" in page.text.replace("\u00a0", " ")
    assert NADIA_ANSWER not in page.text
    client.force_login(people["instructor"])
    assert NADIA_ANSWER in client.get(f"/fr/forums/{people['forum'].pk}/search/?q=poudre").text


def test_a_hidden_answers_photo_is_not_served(client, people, qa_thread):
    from community.forums import posting

    with_photo = posting.reply(
        user=people["nadia"], thread=qa_thread, body="Voici ma photo", photo=photo_upload()
    )
    client.force_login(people["linda"])
    assert client.get(f"/fr/forums/post/{with_photo.pk}/photo.webp").status_code == 404
    client.force_login(people["instructor"])
    assert client.get(f"/fr/forums/post/{with_photo.pk}/photo.webp").status_code == 200
