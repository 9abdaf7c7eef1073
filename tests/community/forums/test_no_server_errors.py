"""No forum page answers 5xx, whatever a reader types or forges into its forms and
links (the same hostile values as tests/home/test_no_server_errors.py)."""

import pytest
from django.test import Client

from ...home.test_no_server_errors import attacks, broken
from .conftest import answer, ask


@pytest.mark.timeout(600)
@pytest.mark.django_db
def test_no_forum_page_answers_5xx_to_hostile_values(people, settings):
    settings.RATELIMIT_ENABLE = False
    settings.COMMUNITY_POSTS_PER_HOUR = 100_000
    forum = people["forum"]
    thread = ask(people)
    reply = answer(people, thread, who="nadia")
    mine = answer(people, thread, who="instructor")
    urls = [
        ("/fr/forums/", ["page"]),
        (f"/fr/forums/{forum.pk}/", ["page"]),
        (f"/fr/forums/{forum.pk}/search/?q=poudre", ["page"]),
        f"/fr/forums/{forum.pk}/new/",
        (f"/fr/forums/thread/{thread.pk}/?comment={reply.pk}", ["page"]),
        f"/fr/forums/post/{mine.pk}/edit/",
        (f"/fr/forums/post/{mine.pk}/history/", ["page"]),
        f"/fr/groups/report/forum_post/{reply.pk}/",
    ]
    client = Client(raise_request_exception=False)
    client.force_login(people["instructor"])
    failures, tried = [], 0
    for url in urls:
        for method, action, data, field, value in attacks(client, url):
            tried += 1
            response = getattr(client, method)(action, data)
            if broken(response):
                failures.append(
                    f"{method.upper()} {action} {field}={str(value)[:40]!r} → {response.status_code}"
                )
    print(f"{tried} hostile requests")
    assert tried > 100
    assert not failures, "\n".join(failures)
