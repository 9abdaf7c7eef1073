"""Cursor pagination that keeps whatever order the selector chose.

The catalogue and the directory order by search relevance, popularity or distance:
computed values that DRF's CursorPagination (which orders by a field itself) cannot
resume from. Here the opaque cursor holds the position in the selector's own order, so
the API pages exactly what the HTML page shows, and DRF's cutoff bounds how deep a
client may page."""

from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.utils.urls import remove_query_param


class OrderCursorPagination(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 50
    # Used by the schema only; the order is the queryset's.
    ordering = "-pk"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.cursor = self.decode_cursor(request)
        self.start = self.cursor.offset if self.cursor else 0
        rows = list(queryset[self.start : self.start + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        self.page = rows[: self.page_size]
        return self.page

    def get_next_link(self):
        if not self.has_next:
            return None
        return self.encode_cursor(
            Cursor(offset=self.start + self.page_size, reverse=False, position=None)
        )

    def get_previous_link(self):
        if self.start == 0:
            return None
        previous = max(0, self.start - self.page_size)
        if previous == 0:
            return remove_query_param(self.base_url, self.cursor_query_param)
        return self.encode_cursor(Cursor(offset=previous, reverse=False, position=None))
