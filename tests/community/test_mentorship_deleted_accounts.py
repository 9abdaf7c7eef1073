"""A deleted account in mentorship: a mentor's offer goes with her; her mentorships and
reviews stay for the other side as "deleted account"; the beat task closes what she left
open; nothing personal stays."""

from community.mentorship.tasks import end_due_mentorships
from community.models import MentorOffer, Mentorship, MentorshipReview

from . import mentoring
from .conftest import shows
from .mentoring import active_mentorship, ask, ended_mentorship, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people


def test_a_deleted_mentor_leaves_nothing_personal(client, people):
    from community.mentorship import ending

    done = ended_mentorship(people)
    ending.review(user=people["graduate"], mentorship=done, rating=5, text="Très appliquée")
    ending.review(user=people["founder"], mentorship=done, rating=5, text="Merci Carine")
    running = active_mentorship(people, offer=done.offer, mentee=people["classmate"])
    carine = people["graduate"]
    carine.delete()

    assert not MentorOffer.objects.exists()
    running.refresh_from_db()
    assert running.mentor is None and running.offer is None
    assert MentorshipReview.objects.filter(author__isnull=True).count() == 1
    assert end_due_mentorships() == 1
    running.refresh_from_db()
    assert (running.status, running.ending) == ("ended", "gone")
    client.force_login(people["founder"])
    page = client.get(f"/en/mentors/mentorships/{done.pk}/")
    assert shows(page, "Deleted account mentors you") and shows(page, "Très appliquée")
    assert "Carine" not in page.text.replace("Merci Carine", "") and "Eyenga" not in page.text
    assert shows(client.get(f"/fr/mentors/mentorships/{done.pk}/"), "Compte supprimé")


def test_a_deleted_beginners_request_is_closed(people):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    people["founder"].delete()
    end_due_mentorships()
    request.refresh_from_db()
    assert request.status == "withdrawn" and request.mentee is None
    assert not Mentorship.objects.filter(status="requested").exists()
