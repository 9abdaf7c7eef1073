"""No mentorship page answers 5xx, whatever a member types or forges into its forms
(the same hostile values as tests/home/test_no_server_errors.py), on either side."""

import pytest
from django.test import Client

from ..home.test_no_server_errors import attacks, broken
from . import mentoring
from .mentoring import active_mentorship, ask, ended_mentorship, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people


def hostile(client, urls):
    failures, tried = [], 0
    for url in urls:
        for method, action, data, field, value in attacks(client, url):
            tried += 1
            response = getattr(client, method)(action, data)
            if broken(response):
                failures.append(
                    f"{method.upper()} {action} {field}={str(value)[:40]!r} → {response.status_code}"
                )
    return failures, tried


@pytest.mark.timeout(600)
def test_no_mentorship_page_answers_5xx_to_hostile_values(people, settings):
    settings.RATELIMIT_ENABLE = False
    settings.COMMUNITY_POSTS_PER_HOUR = 10_000
    offer = make_offer(people, capacity=5)
    awa = make_offer(people, people["awa"], town="yaounde")
    ended = ended_mentorship(people, offer=offer, mentee=people["founder"])
    active_mentorship(people, offer=offer, mentee=people["stranger"])
    waiting = ask(offer, people["classmate"])

    beginner = Client(raise_request_exception=False)
    beginner.force_login(people["founder"])
    failures, tried = hostile(
        beginner,
        [
            ("/fr/mentors/", ["page"]),
            f"/fr/mentors/{awa.pk}/",
            f"/fr/mentors/mentorships/{ended.pk}/",
        ],
    )
    mentor = Client(raise_request_exception=False)
    mentor.force_login(people["graduate"])
    more, more_tried = hostile(
        mentor,
        ["/fr/mentors/offer/", f"/fr/mentors/mentorships/{waiting.pk}/"],
    )
    print(f"{tried + more_tried} hostile requests")
    assert tried + more_tried > 80
    assert not failures + more, "\n".join(failures + more)
