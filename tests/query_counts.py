"""How many queries a page costs once warm, for the query-count tests of public pages.

The first view makes the renditions and reads the site chrome and the page's route into
the cache (after any page change too, see home/site_chrome.py, core/page_routes.py); the
second is what a miss of the page cache costs, which is turned off for both. Queries are counted at the connection, not from Django's query log, which each
request empties when it starts."""

from contextlib import contextmanager

from django.db import connection
from django.test import override_settings

# Issue #19: every public page in at most this many queries, however many items it lists.
PUBLIC_PAGE_BUDGET = 15


@contextmanager
def counted_queries():
    """Yields a list that holds the SQL of every query run inside the block."""
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield queries


@override_settings(PAGE_CACHE_ENABLED=False)
def warm_queries(client, url):
    """The queries of a second anonymous view of `url` rendered (the page cache off),
    which must answer 200."""
    assert client.get(url).status_code == 200
    with counted_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)
