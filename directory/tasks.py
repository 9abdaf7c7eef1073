"""Statistics of views served from the page cache: counted by a worker, so a cached
answer touches no database (directory/page_cache_hits.py)."""

from celery import shared_task

from . import services


@shared_task
def record_profile_view(professional_id):
    services.record_profile_view_of(professional_id=professional_id)


@shared_task
def record_search_appearances(professional_ids):
    services.record_search_appearances(professional_ids=professional_ids)
