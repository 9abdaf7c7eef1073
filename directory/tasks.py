"""A professional's weekly statistics (search appearances, profile views), counted by
the worker, not under the visitor's request: every visitor of a results page bumped
the same rows, so under load the searches queued on each other's row locks (and each
paid a commit); and a view served from the page cache touches no database at all
(directory/page_cache_hits.py)."""

from celery import shared_task

from core.page_locales import canonical

from . import services
from .audience import profile_viewed
from .models import ProfessionalPage


@shared_task
def record_profile_view(page_id):
    """A view of her page in any language counts for her (the default-locale page)."""
    page = ProfessionalPage.objects.filter(pk=page_id).first()
    if page is not None:
        services.record_profile_view(professional=page)
        profile_viewed.send(sender=ProfessionalPage, professional_id=canonical(page).pk)


@shared_task
def record_search_appearances(professional_ids):
    services.record_search_appearances(professional_ids=professional_ids)
