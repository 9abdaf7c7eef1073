"""A mentorship from the outside, role by role: its two people read it and act on it;
moderators read it (reports) but act on nothing; anonymous visitors are sent to log in;
everyone else gets a 404, as if it did not exist."""

import pytest

from . import mentoring
from .mentoring import active_mentorship

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people

SECRET = "Je voudrais apprendre les knotless sans abîmer mes tempes."


def addresses(mentorship):
    base = f"/fr/mentors/mentorships/{mentorship.pk}/"
    return {
        "page": ("get", base),
        "conversation": ("get", base + "conversation/"),
        "end": ("post", base + "end/"),
        "review": ("post", base + "review/"),
        "answer": ("post", base + "answer/"),
        "withdraw": ("post", base + "withdraw/"),
    }


@pytest.mark.parametrize("who", ["stranger", "teacher", "classmate", "awa"])
def test_outsiders_get_404_everywhere(client, people, who):
    mentorship = active_mentorship(people, mentee=people["founder"])
    mentorship.message = SECRET
    mentorship.save()
    client.force_login(people[who])
    for name, (method, path) in addresses(mentorship).items():
        response = getattr(client, method)(path)
        assert response.status_code == 404, name
    mentorship.refresh_from_db()
    assert mentorship.status == "active"


def test_anonymous_visitors_are_sent_to_log_in(client, people):
    mentorship = active_mentorship(people)
    for name, (method, path) in addresses(mentorship).items():
        response = getattr(client, method)(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name


def test_moderators_read_but_change_nothing(client, people):
    mentorship = active_mentorship(people)
    client.force_login(people["moderator"])
    assert client.get(addresses(mentorship)["page"][1]).status_code == 200
    assert client.get(addresses(mentorship)["conversation"][1]).status_code == 404
    for name in ("end", "review", "answer", "withdraw"):
        assert client.post(addresses(mentorship)[name][1]).status_code == 403, name
    mentorship.refresh_from_db()
    assert mentorship.status == "active"


@pytest.mark.parametrize("who", ["graduate", "founder"])
def test_the_two_people_read_it_and_talk(client, people, who):
    mentorship = active_mentorship(people, mentee=people["founder"])
    client.force_login(people[who])
    page = client.get(addresses(mentorship)["page"][1])
    assert page.status_code == 200 and "Bonjour, je voudrais apprendre les knotless." in page.text
    assert client.get(addresses(mentorship)["conversation"][1]).status_code == 302
