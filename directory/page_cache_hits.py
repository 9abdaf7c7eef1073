"""What the directory's pages do on every view, also when the page cache answers: the
search rate limit (counted in the cache) and the statistics a professional reads
("how her profile converts"), counted without the database (directory/view_counts.py)."""

from core import page_cache
from core.rate_limits import rate_limited

from . import view_counts
from .announcements import announce_search
from .search_page import SEARCH_HIT, over_search_limit

PROFILE = "directory.profile"


def search_hit(request, professional_ids):
    if over_search_limit(request):
        return rate_limited(request)
    announce_search(request)
    view_counts.count_search_appearances(professional_ids)
    return None


def profile_hit(request, professional_id):
    view_counts.count_profile_view(professional_id)
    return None


def register():
    view_counts.register()
    page_cache.on_hit(SEARCH_HIT, search_hit)
    page_cache.on_hit(PROFILE, profile_hit)
