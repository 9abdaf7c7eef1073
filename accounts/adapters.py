"""allauth hooks: account e-mails go out through a Celery task, in the user's language."""

from allauth.account.adapter import DefaultAccountAdapter
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
