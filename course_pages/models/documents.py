"""Guide documents (PDF) live in private storage: the serve view checks access."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from core.private_storage import private_storage


class GuideDocument(AbstractDocument):
    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("file"))

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
