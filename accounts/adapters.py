"""allauth hooks: account e-mails go out through a Celery task, in the user's language."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url
from django.urls import reverse
from django.utils import translation

from notifications.services import queue_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
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
