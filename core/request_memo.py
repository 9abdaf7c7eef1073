"""What one request would read from the cache again and again (tag versions, lists kept
under them, the route table's generation), read once per request.

A signed-in page asks for the all-pages tag's version from the menu, the footer, the
locales, the recommendations …: six Redis round trips for one value. Inside a request
each is read once and kept in a dict that lives as long as the request; outside one
(tasks, shell, tests calling selectors) ``current()`` is None and every read goes to
the cache as before. A change made during the request updates the dict too, so the
request sees its own writes."""

from contextvars import ContextVar

_memo = ContextVar("request_memo", default=None)


def current():
    """The running request's dict, or None outside a request."""
    return _memo.get()


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
