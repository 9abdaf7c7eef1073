"""The course page's "Forum" link, and how a forum post's text shows: escaped, line
breaks kept, @mentions in bold."""

import re

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from community.forums.access import moderates
from community.forums.mentions import MENTION
from core.roles import teaches

register = template.Library()

# MENTION matches on the escaped text too: a handle holds no character escape() changes.
PARAGRAPH_BREAK = re.compile(r"\n{2,}")


@register.filter
def post_text(text):
    """Paragraphs of escaped text; HTML a person typed shows as typed, never runs."""
    escaped = escape(text or "")
    highlighted = MENTION.sub(lambda match: f'<b class="mention">{match.group(0)}</b>', escaped)
    paragraphs = (part.replace("\n", "<br>") for part in PARAGRAPH_BREAK.split(highlighted))
    return mark_safe("".join(f"<p>{part}</p>" for part in paragraphs if part.strip()))  # noqa: S308 - built from escaped text


@register.filter
def forum_title(forum):
    """A topic forum's title in the active language."""
    return forum.text("title")


@register.simple_tag(takes_context=True)
def course_forum_link(context, course):
    """A link to the course's forum for those who may read it: its enrolled students
    (the course page's `learning.enrolment`), its instructor and moderators."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    enrolment = (context.get("learning") or {}).get("enrolment")
    enrolled = enrolment is not None and enrolment.status in ("active", "completed")
    if not (enrolled or teaches(user, course) or moderates(user)):
        return ""
    url = reverse("forums:course", args=[enrolment.course_id if enrolment else course.pk])
    return format_html('<a class="btn btn-light" href="{}">{}</a>', url, _("Course forum"))
