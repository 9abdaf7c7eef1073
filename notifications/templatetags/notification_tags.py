"""The bell in the header: {% notification_bell %}, for signed-in people only (the
base template checks first, so anonymous pages make no query for it)."""

from django import template

from .. import bell, vapid

register = template.Library()


@register.inclusion_tag("components/notification_bell.html", takes_context=True)
def notification_bell(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    # Counted once per request, however many times the header is drawn.
    if not hasattr(request, "_notification_unread"):
        request._notification_unread = bell.header_count(user)
    unread = request._notification_unread
    return {
        "show": True,
        "unread": unread,
        "label": bell.label(unread),
        "push_key": vapid.public_key() if vapid.configured() else "",
        "csrf_token": context.get("csrf_token"),
    }
