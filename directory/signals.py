"""Keep the search table in step with pages and services, after the change commits.

A derived index, like Wagtail's own search index: refreshed from signals so edits made
anywhere (the Wagtail editor, the admin viewsets, the front-end forms) are seen.
Imported from DirectoryConfig.ready, once every model is loaded."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import page_published, page_unpublished

# The directory listens to certificates (a profile shows its owner's certificates);
# certificates never import the directory.
from certificates.signals import validity_changed
from core.cache_tags import invalidate_all

from .models import ProfessionalPage, Service, ServiceCategory, Town
from .profiles import publish_draft_translations
from .services import listing_changed, sync_listing


def _sync_later(professional_id):
    def sync():
        page = ProfessionalPage.objects.filter(pk=professional_id).first()
        if page is not None:
            sync_listing(professional=page)

    transaction.on_commit(sync)


def page_changed(sender, instance, **kwargs):
    _sync_later(instance.pk)


def page_published_changed(sender, instance, **kwargs):
    if instance.locale_id == Locale.get_default().pk:
        publish_draft_translations(instance)
    _sync_later(instance.pk)


def service_changed(sender, instance, **kwargs):
    # Now, not only once the search row is rewritten after commit: a price shows on the
    # profile and in the search cards.
    page = ProfessionalPage.objects.filter(pk=instance.professional_id).first()
    if page is not None:
        listing_changed(page)
    _sync_later(instance.professional_id)


def certificates_changed(sender, user_id, **kwargs):
    """A certificate was issued or revoked (sent after commit): "certified" follows."""
    page = ProfessionalPage.objects.filter(user_id=user_id, locale=Locale.get_default()).first()
    if page is not None:
        sync_listing(professional=page)


def names_changed(sender, instance, **kwargs):
    # Category and town names show on cards, filters, profiles and the home page.
    invalidate_all()


def connect():
    for model in (ServiceCategory, Town):
        for signal in (post_save, post_delete):
            signal.connect(
                names_changed, sender=model, dispatch_uid=f"directory.names.{model.__name__}"
            )
    page_published.connect(page_published_changed, sender=ProfessionalPage)
    page_unpublished.connect(page_changed, sender=ProfessionalPage)
    post_save.connect(service_changed, sender=Service)
    post_delete.connect(service_changed, sender=Service)
    validity_changed.connect(certificates_changed, dispatch_uid="directory.certified_follows")
