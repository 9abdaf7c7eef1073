"""@mentions notify the readers they name (never someone who can't read the forum);
the thread's author and whoever answers are subscribed and hear of new replies through
notify, in their language, in the daily digest when they chose it; unsubscribing stops
it; a task run twice tells people once."""

import pytest
from django.core import mail

from community.forums import posting
from community.forums.tasks import announce_post
from notifications.models import Notification, NotificationSettings

from ...conftest import make_person
from .conftest import ask

pytestmark = pytest.mark.django_db


def notices(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind))


def test_a_mention_tells_the_reader_it_names(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people, body="@Nadia.Mbarga tu as essayé ? Et @Paul.Inconnu ?")
    [notice] = notices(people["nadia"], "forum_mention")
    assert notice.title == "Linda Tchoua vous a mentionné(e) dans le forum"
    assert notice.url == f"/fr/forums/thread/{thread.pk}/#p{thread.posts.get().pk}"
    # Paul can't read the course's forum: nobody tells him about it.
    assert notices(people["stranger"], "forum_mention") == []
    assert mail.outbox and mail.outbox[0].to == ["nadia@example.cm"]


def test_mentions_ignore_case_and_hyphens_and_addresses(people, django_capture_on_commit_callbacks):
    from enrolment.services import enrol

    marie = make_person("mc@example.cm", first_name="Marie Claire", last_name="Ngo")
    enrol(user=marie, course=people["course"])
    with django_capture_on_commit_callbacks(execute=True):
        ask(people, body="Écris à nadia@example.cm, ou demande à @marie-claire.NGO.")
    assert len(notices(marie, "forum_mention")) == 1
    assert notices(people["nadia"], "forum_mention") == []


def test_the_author_and_repliers_hear_of_new_replies(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people)
        posting.reply(user=people["nadia"], thread=thread, body="Après le fond de teint.")
    [notice] = notices(people["linda"], "forum_reply")
    assert notice.title == "Nouvelle réponse dans «\u00a0Poudre avant ou après ?\u00a0»"
    assert notices(people["nadia"], "forum_reply") == []  # not for her own reply

    people["linda"].preferred_language = "en"
    people["linda"].save()
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(user=people["instructor"], thread=thread, body="Yes, after.")
    assert {n.title for n in notices(people["linda"], "forum_reply")} >= {
        "New reply in “Poudre avant ou après ?”"
    }
    assert len(notices(people["nadia"], "forum_reply")) == 1


def test_subscribers_who_chose_the_digest_get_no_single_email(
    people, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=people["linda"], digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(user=people["nadia"], thread=thread, body="Après.")
    [notice] = notices(people["linda"], "forum_reply")
    assert notice.digest_due
    assert mail.outbox == []


def test_unsubscribing_stops_the_replies(client, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people)
    client.force_login(people["linda"])
    page = client.get(f"/fr/forums/thread/{thread.pk}/")
    assert "Ne plus suivre" in page.text
    client.post(f"/fr/forums/thread/{thread.pk}/follow/", {"subscribed": "0"})
    assert "Suivre cette discussion" in client.get(f"/fr/forums/thread/{thread.pk}/").text
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(user=people["nadia"], thread=thread, body="Après.")
        # Answering again does not subscribe her again.
        posting.reply(user=people["linda"], thread=thread, body="Merci !")
        posting.reply(user=people["nadia"], thread=thread, body="De rien.")
    assert notices(people["linda"], "forum_reply") == []


def test_a_person_who_left_the_course_hears_nothing_more(
    people, django_capture_on_commit_callbacks
):
    from enrolment.services import revoke

    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people, who="nadia")
    revoke(user=people["nadia"], course=people["course"])
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(user=people["linda"], thread=thread, body="@Nadia.Mbarga tu es là ?")
    assert notices(people["nadia"], "forum_reply") == []
    assert notices(people["nadia"], "forum_mention") == []


def test_a_post_is_announced_once(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = ask(people)
        reply = posting.reply(user=people["nadia"], thread=thread, body="Après.")
    assert announce_post.delay(reply.pk).get() == "already announced"
    assert len(notices(people["linda"], "forum_reply")) == 1


def test_a_mention_without_accents_finds_the_accented_name(
    people, django_capture_on_commit_callbacks
):
    from enrolment.services import enrol

    aicha = make_person("aicha.ngo@example.cm", first_name="Aïcha", last_name="Ngo Bassong")
    enrol(user=aicha, course=people["course"])
    with django_capture_on_commit_callbacks(execute=True):
        ask(people, body="Merci @aicha.ngo-bassong !")
    assert len(notices(aicha, "forum_mention")) == 1
