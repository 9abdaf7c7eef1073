"""allauth hooks: account e-mails go out through a Celery task, in the user's language."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from notifications.services import queue_email


@dataclass(frozen=True)
class AcademySite:
    """What allauth's e-mail templates read as ``current_site`` (name and domain).
    The sites framework is not installed, so allauth would otherwise leave both
    empty ("Hello from !")."""

    name: str
    domain: str


def academy_site():
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return AcademySite(name=settings.WAGTAIL_SITE_NAME, domain=base.netloc or base.path)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Straight to the delivery queue, not notifications.notify: these mails go to an
        # address (a new one being verified, a reset asked for an address), not always
        # to a known person, and no preference may stop them.
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        context = {"email": email, "current_site": academy_site(), **context}
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        queue_email(to=email, subject=message.subject, text=message.body, html=html)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The link in the e-mail carries where the person was going (the course she
        was enrolling in): once verified, she logs in and lands there, even when the
        link opens in another browser than the one she signed up in."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        going_to = get_next_redirect_url(request) if request is not None else None
        if not going_to:
            return url
        login = f"{reverse('account_login')}?{urlencode({'next': going_to})}"
        return f"{url}?{urlencode({'next': login})}"
