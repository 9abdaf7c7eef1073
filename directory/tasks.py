"""A professional's weekly statistics, counted by the worker, not the page view.

Every visitor of a results page bumped the same twelve rows: under load the searches
queued on each other's row locks (and each paid a commit). The view now only enqueues
the count, after its transaction."""

from celery import shared_task

from . import services
from .models import ProfessionalPage


@shared_task
def count_search_appearances(professional_ids):
    services.record_search_appearances(professional_ids=professional_ids)


@shared_task
def count_profile_view(professional_id):
    professional = ProfessionalPage.objects.filter(pk=professional_id).first()
    if professional is not None:
        services.record_profile_view(professional=professional)
