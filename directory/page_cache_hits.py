"""What the directory's pages do on every view, also when the page cache answers: the
search rate limit (counted in the cache) and the statistics a professional reads
("how her profile converts"), handed to a worker at once: a hit writes nothing, so
there is no commit to wait for."""

from core import page_cache
from core.rate_limits import rate_limited

from . import tasks
from .announcements import announce_search
from .search_page import SEARCH_HIT, over_search_limit

PROFILE = "directory.profile"


def search_hit(request, professional_ids):
    if over_search_limit(request):
        return rate_limited(request)
    announce_search(request)
    if professional_ids:
        tasks.record_search_appearances.delay(professional_ids)
    return None


def profile_hit(request, professional_id):
    tasks.record_profile_view.delay(professional_id)
    return None


def register():
    page_cache.on_hit(SEARCH_HIT, search_hit)
    page_cache.on_hit(PROFILE, profile_hit)
