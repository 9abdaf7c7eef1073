"""A course forum, from the outside, role by role: anonymous, a stranger, an enrolled
student, a student whose access was removed, the course's instructor, another course's
instructor and a moderator. Nobody outside the course reads it (404, never a hint of
what it holds); topic forums are open to every signed-in member."""

import pytest

from community.models import Post, Thread

from ...conftest import make_person
from .conftest import answer, ask, photo_upload

pytestmark = pytest.mark.django_db

SECRET = "Astuce du cours : fixer la poudre au spray"
READS = {
    "anonymous": False,
    "stranger": False,
    "enrolled": True,
    "revoked": False,
    "instructor": True,
    "other_instructor": False,
    "moderator": True,
}


def person(site, who):
    from enrolment.services import enrol, revoke

    if who == "anonymous":
        return None
    if who == "revoked":
        user = make_person("ancienne@example.cm", first_name="Ancienne", last_name="Élève")
        enrol(user=user, course=site["course"])
        revoke(user=user, course=site["course"])
        return user
    key = {"enrolled": "nadia", "other_instructor": "other_teacher"}.get(who, who)
    return site[key]


@pytest.fixture
def secret_thread(people):
    from community.forums import posting

    thread = ask(people, title=SECRET, body=SECRET)
    reply = posting.reply(
        user=people["instructor"], thread=thread, body=SECRET, photo=photo_upload()
    )
    return thread, reply


def pages(site, thread, reply):
    forum = site["forum"].pk
    return [
        f"/fr/forums/{forum}/",
        f"/en/forums/{forum}/search/?q=fixer",
        f"/fr/forums/{forum}/new/",
        f"/fr/forums/thread/{thread.pk}/",
        f"/en/forums/post/{reply.pk}/history/",
        f"/fr/forums/post/{reply.pk}/photo.webp",
        f"/fr/forums/post/{reply.pk}/photo-small.webp",
        f"/fr/forums/course/{site['course'].pk}/",
    ]


@pytest.mark.parametrize("who", list(READS))
def test_course_forum_pages(client, people, secret_thread, who):
    thread, reply = secret_thread
    user = person(people, who)
    if user:
        client.force_login(user)
    for path in pages(people, thread, reply):
        response = client.get(path)
        if who == "anonymous":
            assert response.status_code == 302, path
            assert "/accounts/login/?next=" in response.url
        elif READS[who]:
            assert response.status_code in (200, 302), path
            if path.endswith(".webp"):
                assert b"".join(response.streaming_content)[:4] == b"RIFF"
        else:
            assert response.status_code == 404, path
            assert SECRET not in response.content.decode()


@pytest.mark.parametrize("who", list(READS))
def test_course_forum_writes(client, people, secret_thread, who):
    thread, reply = secret_thread
    user = person(people, who)
    if user:
        client.force_login(user)
    posts_before = Post.objects.count()
    threads_before = Thread.objects.count()
    writes = [
        (f"/fr/forums/{people['forum'].pk}/new/", {"title": "Bonjour", "body": "Une question"}),
        (f"/fr/forums/thread/{thread.pk}/reply/", {"body": "Ma réponse"}),
        (f"/fr/forums/post/{reply.pk}/comment/", {"body": "Mon commentaire"}),
    ]
    for path, data in writes:
        response = client.post(path, data)
        if who == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response.url
        elif READS[who]:
            assert response.status_code == 302, (path, response.content[:500])
        else:
            assert response.status_code == 404, path
    if READS[who]:
        assert Post.objects.count() == posts_before + 3
    else:
        assert Post.objects.count() == posts_before
        assert Thread.objects.count() == threads_before


@pytest.mark.parametrize("who", list(READS))
def test_forum_link_on_the_course_page(client, people, who):
    user = person(people, who)
    if user:
        client.force_login(user)
    response = client.get(people["course"].url)
    assert response.status_code == 200
    assert ("/forums/course/" in response.text) is READS[who]


@pytest.mark.parametrize("who", ["stranger", "enrolled", "other_instructor", "moderator"])
def test_topic_forums_are_open_to_every_member(client, people, who):
    user = person(people, who)
    thread = ask(people, title="Combien facturer une pose de vernis ?", forum=people["business"])
    answer(people, thread, body="Entre 2 000 et 3 000 FCFA à Douala.", who="nadia")
    client.force_login(user)
    assert client.get(f"/fr/forums/{people['business'].pk}/").status_code == 200
    response = client.get(f"/en/forums/thread/{thread.pk}/")
    assert response.status_code == 200
    assert "3 000 FCFA" in response.text
    response = client.post(f"/fr/forums/thread/{thread.pk}/reply/", {"body": "Merci !"})
    assert response.status_code == 302


def test_topic_forums_ask_anonymous_people_to_log_in(client, people):
    response = client.get(f"/fr/forums/{people['business'].pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/fr/accounts/login/?next=")


def test_a_forged_forum_or_thread_id_is_not_found(client, people):
    client.force_login(people["linda"])
    for path in ["/fr/forums/999999/", "/fr/forums/thread/999999/", "/fr/forums/course/999999/"]:
        assert client.get(path).status_code == 404
