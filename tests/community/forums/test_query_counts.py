"""The forums' pages cost the same number of SQL queries at 10 and at 1,000 threads,
replies and comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .builders import add_replies, add_threads
from .conftest import ask

pytestmark = pytest.mark.django_db


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def test_forum_index_and_thread_list_are_constant(client, people):
    authors = [people["linda"], people["nadia"], people["instructor"]]
    forum = people["forum"]
    add_threads(forum, authors, 10)
    add_threads(people["business"], authors, 10)
    client.force_login(people["linda"])
    paths = ["/fr/forums/", f"/fr/forums/{forum.pk}/", f"/en/forums/{people['business'].pk}/"]
    for path in paths:  # first visits: sessions, site, page caches, each language's menu
        client.get(path)
    at_10 = [queries(client, path) for path in paths]
    add_threads(forum, authors, 990, start=10)
    add_threads(people["business"], authors, 990, start=10)
    at_1000 = [queries(client, path) for path in paths]
    print(f"index, course forum, topic forum: {at_10} queries at 10 threads, {at_1000} at 1,000")
    assert at_1000 == at_10


@pytest.mark.parametrize("who", ["linda", "instructor"])
def test_thread_page_is_constant(client, people, who):
    authors = [people["linda"], people["nadia"], people["instructor"]]
    thread = ask(people, who="nadia")
    add_replies(thread, authors, 10)
    client.force_login(people[who])
    path = f"/fr/forums/thread/{thread.pk}/"
    client.get(path)
    at_10 = queries(client, path)
    add_replies(thread, authors, 990, start=10)
    at_1000 = queries(client, path)
    last_page = queries(client, path + "?page=50")
    print(
        f"thread page ({who}): {at_10} queries at 10 replies, {at_1000} at 1,000, {last_page} on page 50"
    )
    assert at_1000 == at_10
    assert last_page == at_10


def test_search_is_constant(client, people):
    authors = [people["linda"], people["nadia"]]
    forum = people["forum"]
    from .builders import index_for_search

    add_threads(forum, authors, 10)
    index_for_search(forum)
    client.force_login(people["linda"])
    path = f"/fr/forums/{forum.pk}/search/?q=tresses"
    client.get(path)
    at_10 = queries(client, path)
    add_threads(forum, authors, 990, start=10)
    index_for_search(forum)
    assert queries(client, path) == at_10
