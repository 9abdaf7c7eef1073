"""A thread's life, through the pages: asked, answered, commented, endorsed by the
instructor, accepted by the person who asked (solved, the accepted answer first),
edited with its history kept, deleted to a placeholder; a deleted account shows as
such. In French and English."""

import pytest

from community.models import Post, PostRevision, Thread

from .conftest import answer, ask, shows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_student_asks_and_classmates_answer_and_comment(client, people, language):
    client.force_login(people["linda"])
    response = client.post(
        f"/{language}/forums/{people['forum'].pk}/new/",
        {"title": "Poudre avant ou après ?", "body": "Pour une peau grasse, je fais comment ?"},
    )
    thread = Thread.objects.get(title="Poudre avant ou après ?")
    assert response.url == f"/{language}/forums/thread/{thread.pk}/"
    client.force_login(people["nadia"])
    client.post(f"/{language}/forums/thread/{thread.pk}/reply/", {"body": "Après, en tamponnant."})
    reply = Post.objects.get(thread=thread, kind=Post.Kind.REPLY)
    # The comment form opens under the reply it answers.
    page = client.get(f"/{language}/forums/thread/{thread.pk}/?comment={reply.pk}")
    assert f'action="/{language}/forums/post/{reply.pk}/comment/"' in page.text
    client.force_login(people["linda"])
    client.post(f"/{language}/forums/post/{reply.pk}/comment/", {"body": "Merci Nadia !"})

    page = client.get(f"/{language}/forums/thread/{thread.pk}/")
    assert shows(page, "Pour une peau grasse, je fais comment ?")
    assert shows(page, "Après, en tamponnant.")
    assert shows(page, "Merci Nadia !")
    assert {"fr": "2 réponses", "en": "2 replies"}[language] in page.text
    thread.refresh_from_db()
    assert thread.reply_count == 2


def test_comments_are_one_level_deep(people):
    from community.forums import posting
    from community.forums.errors import NotAllowed

    thread = ask(people)
    reply = answer(people, thread)
    comment = posting.comment(user=people["linda"], on=reply, body="Merci")
    with pytest.raises(NotAllowed):
        posting.comment(user=people["nadia"], on=comment, body="Et moi ?")
    with pytest.raises(NotAllowed):
        posting.comment(user=people["nadia"], on=reply.thread.posts.get(kind="opening"), body="?")
    assert Post.objects.filter(kind=Post.Kind.COMMENT).count() == 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_instructor_endorses_and_the_asker_accepts(client, people, language):
    thread = ask(people)
    first = answer(people, thread, body="Avant, toujours.", who="nadia")
    endorsed = answer(people, thread, body="Après, en tamponnant sur la zone T.")
    # A classmate may not endorse.
    client.force_login(people["nadia"])
    response = client.post(f"/{language}/forums/post/{endorsed.pk}/endorse/", {"endorsed": "1"})
    assert response.status_code == 403
    assert not Post.objects.get(pk=endorsed.pk).endorsed_at
    # Nor accept an answer to someone else's question.
    assert client.post(f"/{language}/forums/post/{first.pk}/accept/").status_code == 403

    client.force_login(people["instructor"])
    client.post(f"/{language}/forums/post/{endorsed.pk}/endorse/", {"endorsed": "1"})
    page = client.get(f"/{language}/forums/thread/{thread.pk}/")
    label = {
        "fr": "Approuvée par la formatrice ou le formateur",
        "en": "Endorsed by the instructor",
    }
    assert label[language] in page.text
    # The endorsed answer comes before the older one.
    assert page.text.index("zone T") < page.text.index("Avant, toujours.")

    client.force_login(people["linda"])
    client.post(f"/{language}/forums/post/{first.pk}/accept/")
    thread.refresh_from_db()
    assert thread.solved_at and thread.accepted_post_id == first.pk
    page = client.get(f"/{language}/forums/thread/{thread.pk}/")
    assert page.text.index("Avant, toujours.") < page.text.index("zone T")
    assert {"fr": "Réponse acceptée", "en": "Accepted answer"}[language] in page.text
    listing = client.get(f"/{language}/forums/{people['forum'].pk}/")
    assert {"fr": "Résolu", "en": "Solved"}[language] in listing.text

    client.post(f"/{language}/forums/thread/{thread.pk}/reopen/")
    thread.refresh_from_db()
    assert thread.solved_at is None and thread.accepted_post_id is None


def test_the_instructor_may_mark_a_thread_solved_too(client, people):
    thread = ask(people)
    reply = answer(people, thread, who="nadia")
    client.force_login(people["instructor"])
    client.post(f"/fr/forums/post/{reply.pk}/accept/")
    thread.refresh_from_db()
    assert thread.accepted_post_id == reply.pk and thread.solved_by == people["instructor"]


def test_an_edit_keeps_what_the_post_said_before(client, people):
    thread = ask(people, title="Poudre ?", body="Premier texte")
    opening = thread.posts.get(kind="opening")
    client.force_login(people["linda"])
    client.post(
        f"/fr/forums/post/{opening.pk}/edit/", {"title": "Poudre libre ?", "body": "Second texte"}
    )
    revision = PostRevision.objects.get(post=opening)
    assert (revision.title, revision.body) == ("Poudre ?", "Premier texte")
    thread.refresh_from_db()
    assert thread.title == "Poudre libre ?"
    page = client.get(f"/fr/forums/thread/{thread.pk}/")
    assert "Second texte" in page.text and "modifié" in page.text
    history = client.get(f"/en/forums/post/{opening.pk}/history/")
    assert "Premier texte" in history.text and "Second texte" in history.text
    # Only the author edits.
    client.force_login(people["nadia"])
    assert client.get(f"/fr/forums/post/{opening.pk}/edit/").status_code == 404
    client.post(f"/fr/forums/post/{opening.pk}/edit/", {"title": "x", "body": "Piraté"})
    assert Post.objects.get(pk=opening.pk).body == "Second texte"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_deleted_post_leaves_a_placeholder(client, people, language):
    thread = ask(people)
    reply = answer(people, thread, body="Réponse à retirer", who="nadia")
    client.force_login(people["linda"])
    # Not hers: refused.
    assert client.post(f"/{language}/forums/post/{reply.pk}/delete/").status_code == 403
    client.force_login(people["nadia"])
    client.post(f"/{language}/forums/post/{reply.pk}/delete/")
    page = client.get(f"/{language}/forums/thread/{thread.pk}/")
    assert "Réponse à retirer" not in page.text
    assert {"fr": "Ce message a été supprimé.", "en": "This post was deleted."}[
        language
    ] in page.text
    # The instructor may delete any post in her course's forum.
    opening = thread.posts.get(kind="opening")
    client.force_login(people["instructor"])
    client.post(f"/{language}/forums/post/{opening.pk}/delete/")
    assert Post.objects.get(pk=opening.pk).deleted_at is not None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_deleted_account_shows_as_such(client, people, language):
    from enrolment.services import enrol

    from ...conftest import make_person

    leaving = make_person("partie@example.cm", first_name="Awa", last_name="Partie")
    enrol(user=leaving, course=people["course"])
    thread = ask(people)
    from community.forums import posting

    posting.reply(user=leaving, thread=thread, body="Ma réponse reste.")
    leaving.delete()
    client.force_login(people["linda"])
    page = client.get(f"/{language}/forums/thread/{thread.pk}/")
    assert "Ma réponse reste." in page.text
    assert "Awa Partie" not in page.text
    assert {"fr": "Compte supprimé", "en": "Deleted account"}[language] in page.text
