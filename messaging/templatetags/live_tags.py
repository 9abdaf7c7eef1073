"""What a signed-in page tells static/js/live.js: who is signed in, where the socket is,
and whether events published by the web server reach it (not with the in-process
layer of `make run` without Redis: then the page also polls)."""

import re

from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()

PORT = re.compile(r":\d+$")


def socket_url(request):
    url = settings.REALTIME_URL
    if "{host}" in url:
        host = PORT.sub("", request.get_host()) if request else "localhost"
        url = url.replace("{host}", host)
    return url


def layer_is_shared():
    return not settings.CHANNEL_LAYERS["default"]["BACKEND"].endswith("InMemoryChannelLayer")


@register.simple_tag(takes_context=True)
def live_attributes(context):
    """The <body> attributes of a page for a signed-in person."""
    return format_html(
        ' data-user-id="{}" data-live-url="{}" data-live-poll="{}"',
        context["user"].pk,
        socket_url(context.get("request")),
        "" if layer_is_shared() else "always",
    )
