"""Keep the search table in step with pages and services, after the change commits.

A derived index, like Wagtail's own search index: refreshed from signals so edits made
anywhere (the Wagtail editor, the admin viewsets, the front-end forms) are seen."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished


def _sync_later(professional_id):
    def sync():
        from .models import ProfessionalPage
        from .services import sync_listing

        page = ProfessionalPage.objects.filter(pk=professional_id).first()
        if page is not None:
            sync_listing(professional=page)

    transaction.on_commit(sync)


def page_changed(sender, instance, **kwargs):
    _sync_later(instance.pk)


def page_published_changed(sender, instance, **kwargs):
    from wagtail.models import Locale

    from .profiles import publish_draft_translations

    if instance.locale_id == Locale.get_default().pk:
        publish_draft_translations(instance)
    _sync_later(instance.pk)


def service_changed(sender, instance, **kwargs):
    _sync_later(instance.professional_id)


def connect():
    from .models import ProfessionalPage, Service

    page_published.connect(page_published_changed, sender=ProfessionalPage)
    page_unpublished.connect(page_changed, sender=ProfessionalPage)
    post_save.connect(service_changed, sender=Service)
    post_delete.connect(service_changed, sender=Service)
