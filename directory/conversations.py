"""Messaging context "enquiry": any signed-in person may write to a professional from
her profile (the id is the default-locale ProfessionalPage's); she answers in the
conversation the client started."""

from messaging import contexts

from .models import ProfessionalPage


def may_write(user, object_id, other):
    page_id = contexts.object_pk(object_id)
    if page_id is None or user.pk == other.pk:
        return False
    return ProfessionalPage.objects.filter(pk=page_id, user=other, live=True).exists()


def register():
    contexts.register(
        contexts.page_context("enquiry", pages=ProfessionalPage.objects.all(), may_write=may_write)
    )
