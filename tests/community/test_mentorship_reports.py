"""Mentor offers and mentorship reviews go through the community's reports: once per
person, hidden at the threshold until a moderator decides; a hidden offer is not
suggested, a hidden review does not count in the average."""

from django.test import override_settings

from community import reports
from community.mentorship import ending
from community.models import ModerationCase

from . import mentoring
from .conftest import shows
from .mentoring import ended_mentorship, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people


@override_settings(COMMUNITY_REPORTS_TO_HIDE=2)
def test_an_offer_reported_enough_is_hidden_until_a_moderator_decides(client, people):
    offer = make_offer(people, bio="Appelez-moi pour acheter mes produits miracles")
    for person in ("founder", "classmate"):
        client.force_login(people[person])
        sent = client.post(f"/fr/groups/report/mentor_offer/{offer.pk}/", {"reason": "spam"})
        assert sent.status_code == 302 and sent["Location"] == f"/fr/mentors/{offer.pk}/"
    offer.refresh_from_db()
    assert offer.visibility == "waiting"
    client.force_login(people["stranger"])
    assert shows(client.get("/en/mentors/?language="), "No mentor matches yet.")
    assert client.get(f"/fr/mentors/{offer.pk}/").status_code == 404
    case = ModerationCase.objects.get(kind="mentor_offer")
    reports.decide(moderator=people["moderator"], case=case, remove=False)
    assert shows(client.get("/en/mentors/?language="), "Carine E.")


def test_the_mentor_cannot_report_her_own_offer(client, people):
    offer = make_offer(people)
    client.force_login(people["graduate"])
    own = client.post(f"/en/groups/report/mentor_offer/{offer.pk}/", {"reason": "spam"})
    assert own.status_code == 400 and shows(own, "You can't report what you posted yourself.")


@override_settings(COMMUNITY_REPORTS_TO_HIDE=1)
def test_a_hidden_review_leaves_the_offer_and_its_average(client, people):
    mentorship = ended_mentorship(people)
    review = ending.review(
        user=people["founder"], mentorship=mentorship, rating=1, text="Nul, elle insulte"
    )
    client.force_login(people["classmate"])
    offer_page = f"/en/mentors/{mentorship.offer_id}/"
    assert shows(client.get(offer_page), "1.0/5 (1 review)")
    sent = client.post(f"/fr/groups/report/mentor_review/{review.pk}/", {"reason": "abuse"})
    assert sent.status_code == 302
    page = client.get(offer_page)
    assert shows(page, "No review yet") and not shows(page, "Nul, elle insulte")
    # The author still sees it, marked.
    client.force_login(people["founder"])
    mine = client.get(f"/en/mentors/mentorships/{mentorship.pk}/")
    assert shows(mine, "Nul, elle insulte") and shows(mine, "hidden while a moderator decides")


def test_the_mentors_review_of_the_beginner_is_for_the_two_of_them(client, people):
    mentorship = ended_mentorship(people)
    review = ending.review(
        user=people["graduate"], mentorship=mentorship, rating=4, text="Appliquée"
    )
    client.force_login(people["classmate"])
    assert client.get(f"/fr/groups/report/mentor_review/{review.pk}/").status_code == 404
    client.force_login(people["founder"])
    assert client.get(f"/fr/groups/report/mentor_review/{review.pk}/").status_code == 200
