"""Bad input gets a clear, translated answer and stores nothing: empty and
20,000-character posts, a photo that is not an image, a post in a forum the person
can't read. HTML and scripts are shown as typed, never run."""

import pytest
from django.utils import translation

from community.models import Post, PostRevision, Thread

from .conftest import answer, ask, pdf_upload

pytestmark = pytest.mark.django_db

LONG = "a" * 20_000


def counts():
    return Post.objects.count(), Thread.objects.count(), PostRevision.objects.count()


def error_shown(response, text):
    return text in response.text.replace("&#x27;", "'").replace("\u00a0", " ")


NEW_THREAD_CASES = [
    (
        {"title": "", "body": "Un texte"},
        {"fr": "Donnez un titre à votre question.", "en": "Give your question a title."},
    ),
    (
        {"title": "Titre", "body": "   "},
        {
            "fr": "Écrivez votre question avant de la publier.",
            "en": "Write your question before posting it.",
        },
    ),
    (
        {"title": "Titre", "body": LONG},
        {
            "fr": "Ce texte peut compter 10 000 caractères au plus ; il en a 20 000.",
            "en": "This text can be 10,000 characters at most; it has 20,000.",
        },
    ),
    (
        {"title": "T" * 201, "body": "Un texte"},
        {"fr": "il en a 201", "en": "it has 201"},
    ),
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("data, error", NEW_THREAD_CASES)
def test_a_bad_new_thread_is_refused(client, people, language, data, error):
    client.force_login(people["linda"])
    before = counts()
    response = client.post(f"/{language}/forums/{people['forum'].pk}/new/", data)
    assert response.status_code == 400
    assert error_shown(response, error[language])
    assert counts() == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_bad_reply_is_refused_and_its_text_kept(client, people, language):
    thread = ask(people)
    client.force_login(people["nadia"])
    before = counts()
    response = client.post(f"/{language}/forums/thread/{thread.pk}/reply/", {"body": ""})
    assert response.status_code == 400
    assert error_shown(
        response,
        {
            "fr": "Écrivez votre réponse avant de la publier.",
            "en": "Write your answer before posting it.",
        }[language],
    )
    response = client.post(f"/{language}/forums/thread/{thread.pk}/reply/", {"body": LONG})
    assert response.status_code == 400
    assert LONG in response.text  # kept in the form, to shorten it
    assert counts() == before


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_bad_comment_or_edit_is_refused(client, people, language):
    thread = ask(people)
    reply = answer(people, thread, who="nadia")
    client.force_login(people["nadia"])
    before = counts()
    response = client.post(f"/{language}/forums/post/{reply.pk}/comment/", {"body": LONG})
    assert response.status_code == 400
    assert error_shown(response, {"fr": "il en a 20 000", "en": "it has 20,000"}[language])
    response = client.post(f"/{language}/forums/post/{reply.pk}/edit/", {"body": " "})
    assert response.status_code == 400
    assert error_shown(
        response,
        {"fr": "Un message ne peut pas être vide.", "en": "A post can't be empty."}[language],
    )
    assert counts() == before
    assert Post.objects.get(pk=reply.pk).body == "Après le fond de teint, en tamponnant."


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_photo_that_is_not_an_image_is_refused(client, people, language, settings):
    from pathlib import Path

    thread = ask(people)
    client.force_login(people["nadia"])
    before = counts()
    stored_before = sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.webp"))
    response = client.post(
        f"/{language}/forums/thread/{thread.pk}/reply/",
        {"body": "Ma photo", "photo": pdf_upload("tresses.jpg")},
    )
    assert response.status_code == 400
    assert error_shown(
        response,
        {
            "fr": "« tresses.jpg » n'est pas une photo (JPEG, PNG ou HEIC).",
            "en": "“tresses.jpg” is not a photo (JPEG, PNG or HEIC).",
        }[language],
    )
    assert counts() == before
    assert sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.webp")) == stored_before


def test_html_and_scripts_are_shown_escaped(client, people):
    script = '<script>alert("x")</script><img src=x onerror=alert(1)> <b>gras</b>'
    thread = ask(people, title="<i>Titre</i>", body=script)
    client.force_login(people["nadia"])
    page = client.get(f"/fr/forums/thread/{thread.pk}/")
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.text
    assert "&lt;i&gt;Titre&lt;/i&gt;" in page.text
    listing = client.get(f"/fr/forums/{people['forum'].pk}/search/?q=script")
    assert "<script>alert" not in listing.text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_posting_in_a_forum_one_cannot_read_stores_nothing(client, people, language):
    from community.forums import posting
    from community.forums.errors import NotAllowed

    thread = ask(people)
    before = counts()
    client.force_login(people["stranger"])
    assert (
        client.post(f"/{language}/forums/thread/{thread.pk}/reply/", {"body": "Coucou"}).status_code
        == 404
    )
    with translation.override(language), pytest.raises(NotAllowed) as refused:
        posting.reply(user=people["other_teacher"], thread=thread, body="Coucou")
    assert (
        refused.value.message
        == {
            "fr": "Vous ne pouvez pas écrire dans ce forum.",
            "en": "You can't post in this forum.",
        }[language]
    )
    assert counts() == before
