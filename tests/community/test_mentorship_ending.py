"""The end of a mentorship: the beat task ends those whose weeks are over (once, however
often it runs), either side may end early, both are asked for a review; each side
reviews the other once, after the end; reviews show on the mentor's offer (average and
count) and to the other side."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.errors import CommunityError, NotAllowed
from community.mentorship import ending
from community.mentorship.tasks import end_due_mentorships
from community.models import Mentorship, MentorshipReview
from notifications.models import Notification

from . import mentoring
from .conftest import shows
from .mentoring import active_mentorship, ended_mentorship, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people


def test_the_beat_task_ends_mentorships_whose_weeks_are_over_once(
    people, django_capture_on_commit_callbacks
):
    offer = make_offer(people, capacity=3)
    due = active_mentorship(people, offer=offer, mentee=people["founder"])
    running = active_mentorship(people, offer=offer, mentee=people["classmate"])
    Mentorship.objects.filter(pk=due.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert end_due_mentorships() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert end_due_mentorships() == 0
    due.refresh_from_db()
    running.refresh_from_db()
    assert (due.status, due.ending) == ("ended", "time_up") and running.status == "active"
    for person in (people["founder"], people["graduate"]):
        assert Notification.objects.filter(user=person, kind="mentorship_ended").count() == 1
    assert Notification.objects.get(user=people["founder"], kind="mentorship_ended").title == (
        "Votre accompagnement avec Carine E. est terminé"
    )


def test_the_task_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "community.mentorship.tasks.end_due_mentorships" in tasks


@pytest.mark.parametrize("side", ["graduate", "founder"])
def test_either_side_ends_early_and_nobody_else(client, people, side):
    mentorship = active_mentorship(people)
    client.force_login(people["classmate"])
    assert client.post(f"/fr/mentors/mentorships/{mentorship.pk}/end/").status_code == 404
    client.force_login(people[side])
    assert client.post(f"/fr/mentors/mentorships/{mentorship.pk}/end/").status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.status == "ended"
    assert mentorship.ending == ("mentor" if side == "graduate" else "mentee")
    again = client.post(f"/en/mentors/mentorships/{mentorship.pk}/end/")
    assert again.status_code == 400 and shows(again, "This mentorship is not under way.")


def test_each_side_reviews_the_other_once_after_the_end(client, people):
    mentorship = ended_mentorship(people)
    client.force_login(people["founder"])
    page = client.get(f"/fr/mentors/mentorships/{mentorship.pk}/")
    assert shows(page, "Envoyer mon avis")
    sent = client.post(
        f"/fr/mentors/mentorships/{mentorship.pk}/review/",
        {"rating": "5", "text": "Carine m'a appris les finitions, merci !"},
    )
    assert sent.status_code == 302
    twice = client.post(
        f"/en/mentors/mentorships/{mentorship.pk}/review/", {"rating": "1", "text": "Encore"}
    )
    assert twice.status_code == 400 and shows(twice, "You have already reviewed this mentorship.")
    client.force_login(people["graduate"])
    client.post(
        f"/en/mentors/mentorships/{mentorship.pk}/review/",
        {"rating": "4", "text": "Nadia est appliquée."},
    )
    assert MentorshipReview.objects.count() == 2
    # The other side reads both; the beginner's review shows on the offer.
    client.force_login(people["founder"])
    page = client.get(f"/fr/mentors/mentorships/{mentorship.pk}/")
    assert shows(page, "Nadia est appliquée.") and not shows(page, "Envoyer mon avis")
    offer = client.get(f"/en/mentors/{mentorship.offer_id}/")
    assert shows(offer, "Carine m'a appris les finitions, merci !")
    assert shows(offer, "5.0/5 (1 review)") and not shows(offer, "Nadia est appliquée.")


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Vous pourrez laisser un avis une fois l’accompagnement terminé."),
        ("en", "You can leave a review once the mentorship has ended."),
    ],
)
def test_no_review_before_the_end(client, people, language, text):
    mentorship = active_mentorship(people)
    client.force_login(people["founder"])
    refused = client.post(
        f"/{language}/mentors/mentorships/{mentorship.pk}/review/", {"rating": "5", "text": "Top"}
    )
    assert refused.status_code == 400 and shows(refused, text)
    assert not MentorshipReview.objects.exists()


@pytest.mark.parametrize(
    "data, language, text",
    [
        ({"rating": "5", "text": " "}, "en", "Write a few words with your rating."),
        ({"rating": "5", "text": " "}, "fr", "Écrivez quelques mots avec votre note."),
        ({"rating": "5", "text": "x" * 20000}, "en", "1,000 characters at most; it has 20,000."),
        ({"rating": "9", "text": "Bien"}, "en", "Choose a rating from 1 to 5 stars."),
        ({"rating": "", "text": "Bien"}, "fr", "Choisissez une note de 1 à 5 étoiles."),
    ],
)
def test_bad_reviews_are_refused(client, people, data, language, text):
    mentorship = ended_mentorship(people)
    client.force_login(people["founder"])
    refused = client.post(f"/{language}/mentors/mentorships/{mentorship.pk}/review/", data)
    assert refused.status_code == 400 and shows(refused, text)
    assert not MentorshipReview.objects.exists()


def test_html_in_a_review_is_shown_escaped(client, people):
    mentorship = ended_mentorship(people)
    ending.review(
        user=people["founder"],
        mentorship=mentorship,
        rating=4,
        text="<b>Super</b><script>x</script>",
    )
    client.force_login(people["classmate"])
    page = client.get(f"/fr/mentors/{mentorship.offer_id}/")
    assert "<script>x" not in page.text and "&lt;b&gt;Super&lt;/b&gt;" in page.text


def test_strangers_neither_see_nor_review_a_mentorship(client, people):
    mentorship = ended_mentorship(people)
    with pytest.raises(NotAllowed):
        ending.review(user=people["classmate"], mentorship=mentorship, rating=5, text="Bien")
    client.force_login(people["classmate"])
    assert client.get(f"/fr/mentors/mentorships/{mentorship.pk}/").status_code == 404
    client.force_login(people["moderator"])
    assert client.get(f"/fr/mentors/mentorships/{mentorship.pk}/").status_code == 200
    client.logout()
    assert client.get(f"/fr/mentors/mentorships/{mentorship.pk}/").status_code == 302


def test_my_mentorships_lists_both_sides(client, people):
    from .mentoring import ask

    given = ended_mentorship(people)
    awa = make_offer(people, people["awa"], town="yaounde")
    asked = ask(awa, people["graduate"], "Je veux apprendre le maquillage.")
    client.force_login(people["graduate"])
    page = client.get("/en/mentors/mine/")
    assert shows(page, "Waiting for your review") and shows(page, "You mentor Nadia M.")
    assert shows(page, "Your requests") and shows(page, "Your request to Awa N.")
    assert f"/en/mentors/mentorships/{given.pk}/" in page.text
    assert f"/en/mentors/mentorships/{asked.pk}/" in page.text
    client.force_login(people["awa"])
    assert shows(client.get("/fr/mentors/mine/"), "Débutantes qui vous sollicitent")


def test_a_review_written_is_not_written_twice_even_at_once(people):
    mentorship = ended_mentorship(people)
    ending.review(user=people["founder"], mentorship=mentorship, rating=5, text="Merci")
    with pytest.raises(CommunityError):
        ending.review(user=people["founder"], mentorship=mentorship, rating=5, text="Merci")
