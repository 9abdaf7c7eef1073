"""What the people I follow do reaches me: a course's first publication and any other
recorded activity show in the "following" feed, linked in my language, and arrive in the
notification centre, once per follower; what is unpublished or hidden disappears."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from community.follows import activity, fanout, targets
from community.models import Activity, Follow, Group
from notifications.models import Notification

from ..course_pages.builders import make_course
from .conftest import make_person, shows

SESSION = {
    "titles": {"fr": "Chignon de mariée en direct", "en": "Live bridal bun"},
    "urls": {"fr": "/fr/direct/7/", "en": "/en/live/7/"},
}


def told(user):
    return list(
        Notification.objects.filter(user=user, kind="followed_activity").values_list("title", "url")
    )


def test_a_course_is_announced_once_on_its_first_publication_only(follow_site):
    course = follow_site["course"]
    announced = Activity.objects.get()
    assert (announced.actor, announced.verb, announced.target_id) == (
        follow_site["teacher"],
        Activity.Verb.COURSE_PUBLISHED,
        course.pk,
    )
    course.save_revision().publish()
    course.unpublish()
    course.refresh_from_db()
    course.save_revision().publish()
    follow_site["course_en"].save_revision().publish()
    assert Activity.objects.count() == 1


def test_followers_are_told_in_their_own_language(follow_site, django_capture_on_commit_callbacks):
    for person in ("linda", "john"):
        Follow.objects.create(follower=follow_site[person], followed=follow_site["teacher"])

    with django_capture_on_commit_callbacks(execute=True):
        course = make_course(
            follow_site["catalogue"], follow_site["teacher_page"], title="Chignon bas"
        )

    assert told(follow_site["linda"]) == [
        (
            "Aïcha M. a publié une nouvelle formation\u00a0: «\u00a0Chignon bas\u00a0».",
            course.url,
        )
    ]
    assert told(follow_site["john"]) == [
        ("Aïcha M. published a new course: “Chignon bas”.", course.url)
    ]
    assert not told(follow_site["stranger"]) and not told(follow_site["teacher"])


def test_the_notification_shows_in_the_centre(
    client, follow_site, django_capture_on_commit_callbacks
):
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["grace"])
    with django_capture_on_commit_callbacks(execute=True):
        activity.record(
            actor=follow_site["grace"], verb=Activity.Verb.LIVE_SESSION_SCHEDULED, **SESSION
        )
    client.force_login(follow_site["linda"])
    centre = client.get("/fr/notifications/")
    assert shows(centre, "Grace N. a programmé une séance en direct")
    assert shows(centre, "Chignon de mariée en direct")


def test_the_feed_links_each_reader_to_the_course_in_her_language(client, follow_site):
    for person in ("linda", "john"):
        Follow.objects.create(follower=follow_site[person], followed=follow_site["teacher"])
    client.force_login(follow_site["john"])
    feed = client.get("/en/following/")
    assert shows(feed, "Aïcha M.") and shows(feed, "published a course")
    assert shows(feed, "Cornrows") and f'href="{follow_site["course_en"].url}"' in feed.text
    assert "Tresses collées" not in feed.text

    client.force_login(follow_site["linda"])
    feed = client.get("/fr/following/")
    assert shows(feed, "a publié une formation") and shows(feed, "Tresses collées")
    assert f'href="{follow_site["course"].url}"' in feed.text
    assert shows(feed, "Vous suivez 1 personne") and shows(feed, "Ne plus suivre")


def test_following_a_professional_shows_her_new_activity(client, follow_site):
    client.force_login(follow_site["john"])
    client.post(f"/en/following/follow/{follow_site['grace'].pk}/")
    activity.record(
        actor=follow_site["grace"], verb=Activity.Verb.LIVE_SESSION_SCHEDULED, **SESSION
    )
    feed = client.get("/en/following/")
    assert shows(feed, "Grace N.") and shows(feed, "scheduled a live session")
    assert 'href="/en/live/7/"' in feed.text and shows(feed, "Live bridal bun")
    assert "Tresses collées" not in feed.text and "Cornrows" not in feed.text


def test_unpublishing_a_course_hides_its_line_and_tells_no_one(
    client, follow_site, django_capture_on_commit_callbacks
):
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["teacher"])
    client.force_login(follow_site["linda"])
    assert shows(client.get("/fr/following/"), "Tresses collées")

    follow_site["course"].unpublish()

    feed = client.get("/fr/following/")
    assert "Tresses collées" not in feed.text
    assert shows(feed, "Rien de nouveau pour l'instant")
    assert fanout.announce(Activity.objects.get().pk) == (0, False)
    assert not told(follow_site["linda"])


def test_content_a_moderator_hides_leaves_the_feed(client, follow_site, monkeypatch):
    # Any community object with a visibility (a challenge entry…) works the same way;
    # a group stands in for it here.
    monkeypatch.setattr(targets, "_registry", dict(targets._registry))
    targets.register(Group)
    group = Group.objects.create(
        name="Nattes du samedi", description="…", language="fr", speciality=follow_site["category"]
    )
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["grace"])
    activity.record(actor=follow_site["grace"], verb=Activity.Verb.CHALLENGE_ENTERED, target=group)
    client.force_login(follow_site["linda"])
    feed = client.get("/fr/following/")
    assert shows(feed, "Nattes du samedi") and group.get_absolute_url() in feed.text

    Group.objects.filter(pk=group.pk).update(visibility=Group.Visibility.WAITING)

    assert "Nattes du samedi" not in client.get("/fr/following/").text


def test_a_closed_account_disappears_from_the_feed(client, follow_site):
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["teacher"])
    User.objects.filter(pk=follow_site["teacher"].pk).update(is_active=False)
    client.force_login(follow_site["linda"])
    feed = client.get("/fr/following/")
    assert "Tresses collées" not in feed.text and "Aïcha" not in feed.text


def test_someone_nobody_follows_makes_no_work(follow_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        activity.record(
            actor=follow_site["stranger"], verb=Activity.Verb.LIVE_SESSION_SCHEDULED, **SESSION
        )
    assert callbacks == []


def test_followers_are_told_in_batches_and_once_each_even_when_the_task_runs_again(
    follow_site, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(fanout, "BATCH", 2)
    followers = [make_person(f"fan{n}@example.cm") for n in range(5)]
    Follow.objects.bulk_create(
        Follow(follower=person, followed=follow_site["grace"]) for person in followers
    )
    with django_capture_on_commit_callbacks(execute=True):
        recorded = activity.record(
            actor=follow_site["grace"], verb=Activity.Verb.LIVE_SESSION_SCHEDULED, **SESSION
        )
    again = fanout.announce(recorded.pk)

    assert again == (0, False)
    assert all(len(told(person)) == 1 for person in followers)
    recorded.refresh_from_db()
    assert recorded.announced_at is not None


def test_recording_the_same_target_twice_keeps_the_first(follow_site):
    again = activity.record(
        actor=follow_site["teacher"],
        verb=Activity.Verb.COURSE_PUBLISHED,
        target=follow_site["course"],
    )
    assert again == Activity.objects.get()


def test_someone_who_follows_no_one_is_shown_instructors_to_follow(client, follow_site):
    client.force_login(follow_site["stranger"])
    feed = client.get("/fr/following/")
    assert shows(feed, "Vous ne suivez encore personne") and shows(feed, "Aïcha Mbarga")
    assert f"/fr/following/follow/{follow_site['teacher'].pk}/" in feed.text
    client.force_login(follow_site["john"])
    feed = client.get("/en/following/")
    assert shows(feed, "You follow no one yet") and follow_site["teacher_page_en"].url in feed.text


def _fill(site, *, people, activities):
    """`people` followed by Linda, who did `activities` things between them, plus the
    course of the site, kept newest so that every first page links to a page."""
    Activity.objects.filter(verb=Activity.Verb.COURSE_PUBLISHED).update(
        created=timezone.now() + timedelta(minutes=1)
    )
    made = User.objects.bulk_create(
        User(email=f"crowd{n}@example.cm", first_name=f"Crowd{n}", last_name="Person")
        for n in range(people)
    )
    followed = [*made, site["teacher"]]
    Follow.objects.bulk_create(Follow(follower=site["linda"], followed=p) for p in followed)
    Activity.objects.bulk_create(
        Activity(
            actor=made[n % people],
            verb=Activity.Verb.LIVE_SESSION_SCHEDULED,
            title_fr=f"Séance {n}",
            url_fr=f"/fr/direct/{n}/",
        )
        for n in range(activities)
    )


def _feed_queries(client):
    client.get("/fr/following/")  # Wagtail's site roots and content types, cached once
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/following/").status_code == 200
    return len(queries)


def test_the_feed_costs_the_same_queries_from_10_to_500_activities(client, follow_site):
    client.force_login(follow_site["linda"])
    _fill(follow_site, people=10, activities=10)
    few = _feed_queries(client)
    Follow.objects.all().delete()
    Activity.objects.exclude(verb=Activity.Verb.COURSE_PUBLISHED).delete()
    User.objects.filter(email__startswith="crowd").delete()
    _fill(follow_site, people=200, activities=500)
    many = _feed_queries(client)
    assert many == few, (few, many)
