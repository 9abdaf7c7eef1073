"""Messaging context "enquiry": any signed-in person may write to a professional from
her profile (the id is the default-locale ProfessionalPage's); she answers in the
conversation the client started."""

from messaging import contexts

from .models import ProfessionalPage


def _page_id(object_id):
    try:
        return int(object_id)
    except (TypeError, ValueError):
        return None


def may_write(user, object_id, other):
    page_id = _page_id(object_id)
    if page_id is None or user.pk == other.pk:
        return False
    return ProfessionalPage.objects.filter(pk=page_id, user=other, live=True).exists()


def _page(object_id):
    page = ProfessionalPage.objects.filter(pk=_page_id(object_id) or 0).first()
    if page is None:
        raise LookupError(object_id)
    return page.localized


def title(object_id):
    return _page(object_id).title


def url(object_id):
    return _page(object_id).url or ""


def register():
    contexts.register(
        contexts.ConversationContext(kind="enquiry", may_write=may_write, title=title, url=url)
    )
