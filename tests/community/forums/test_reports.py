"""Forum posts are reported like any community object: once per person, never one's
own, hidden at the threshold until a moderator decides in the one queue of the Wagtail
admin (with the post's edit history and photo); hidden posts stay visible, marked, to
their author and the forum's leaders, and leave search."""

import pytest
from django.test import override_settings

from community import reports
from community.forums import posting
from community.models import Contribution, ModerationCase, Post, Report

from ...conftest import make_person
from .conftest import answer, ask, photo_upload, shows

pytestmark = pytest.mark.django_db

SPAM = "Achetez mes mèches pas chères"


@pytest.fixture
def spam(people):
    from enrolment.services import enrol

    thread = ask(people)
    post = posting.reply(user=people["nadia"], thread=thread, body=SPAM, photo=photo_upload())
    posting.edit(user=people["nadia"], post=post, body=SPAM + " !")
    readers = [people["linda"]]
    for number in range(2):
        reader = make_person(f"lectrice{number}@example.cm")
        enrol(user=reader, course=people["course"])
        readers.append(reader)
    return thread, Post.objects.get(pk=post.pk), readers


def report(client, person, post, reason="spam", language="fr"):
    client.force_login(person)
    return client.post(f"/{language}/groups/report/forum_post/{post.pk}/", {"reason": reason})


def test_a_reader_reports_from_the_thread_once(client, people, spam):
    thread, post, readers = spam
    client.force_login(readers[0])
    page = client.get(f"/fr/forums/thread/{thread.pk}/")
    assert f'href="/fr/groups/report/forum_post/{post.pk}/"' in page.text
    assert report(client, readers[0], post).status_code == 302
    again = report(client, readers[0], post, language="en")
    assert again.status_code == 400 and shows(again, "You have already reported this.")
    own = report(client, people["nadia"], post)
    assert own.status_code == 400
    assert Report.objects.count() == 1


def test_someone_outside_the_course_cannot_report(client, people, spam):
    thread, post, readers = spam
    client.force_login(people["stranger"])
    assert client.get(f"/fr/groups/report/forum_post/{post.pk}/").status_code == 404
    assert report(client, people["stranger"], post).status_code == 404
    assert not Report.objects.exists()


@override_settings(COMMUNITY_REPORTS_TO_HIDE=3)
def test_three_reports_hide_it_until_a_moderator_decides(client, people, spam):
    thread, post, readers = spam
    for reader in readers:
        report(client, reader, post)
    post.refresh_from_db()
    assert post.visibility == Post.Visibility.WAITING
    client.force_login(readers[0])
    page = client.get(f"/fr/forums/thread/{thread.pk}/")
    assert SPAM not in page.text
    assert "Ce message est masqué le temps qu'un modérateur l'examine." in page.text.replace(
        "&#x27;", "'"
    )
    assert SPAM not in client.get(f"/fr/forums/{people['forum'].pk}/search/?q=meches").text
    assert client.get(f"/fr/forums/post/{post.pk}/photo.webp").status_code == 404
    # Its author and the instructor still read it, marked.
    for who in ("nadia", "instructor"):
        client.force_login(people[who])
        page = client.get(f"/en/forums/thread/{thread.pk}/")
        assert (
            SPAM in page.text and "Hidden from others while a moderator looks at it." in page.text
        )

    # The moderator reads it in the queue, with what it said before the edit, and hides it.
    client.force_login(people["moderator"])
    case = ModerationCase.objects.get(kind="forum_post")
    assert SPAM in client.get("/admin/community-reports/").text
    detail = client.get(f"/admin/community-reports/{case.pk}/")
    assert detail.status_code == 200
    assert f"/forums/post/{post.pk}/photo.webp" in detail.text
    client.post(f"/admin/community-reports/{case.pk}/", {"decision": "remove"})
    post.refresh_from_db()
    assert post.visibility == Post.Visibility.REMOVED
    assert Contribution.objects.get(kind="forum_post", object_id=post.pk).removed


def test_a_restored_post_shows_again(people, spam):
    thread, post, readers = spam
    for reader in readers:
        reports.report(user=reader, kind="forum_post", object_id=post.pk, reason="spam")
    reports.decide(moderator=people["moderator"], case=ModerationCase.objects.get(), remove=False)
    post.refresh_from_db()
    assert post.is_visible


def test_every_post_counts_in_the_posting_log(people):
    thread = ask(people)
    answer(people, thread, who="nadia")
    assert Contribution.objects.filter(kind="forum_post").count() == 2
