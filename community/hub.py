"""The community's front door, /<language>/community/: one link in the main menu leads
to every way people learn together, so the menu stays one line on a phone."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (URL name, title, what it is for, signed-in only). Parts that are not installed
# (their URL name does not resolve) are left out rather than linked to a 404.
DOORS = (
    ("community:list", _("Study groups"), _("Local chapters and groups by speciality."), False),
    ("forums:index", _("Forums"), _("Ask and answer: your courses, trends, business."), True),
    ("challenges:list", _("Challenges"), _("Show your work, vote, win."), False),
    ("mentors:find", _("Mentors"), _("A certified professional guides your first steps."), True),
    ("live:list", _("Live sessions"), _("Classes, practice sessions and expert Q&As."), False),
    ("follows:feed", _("Following"), _("What the people you follow are doing."), True),
)


def _doors(user):
    for name, title, summary, signed_in_only in DOORS:
        if signed_in_only and not user.is_authenticated:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        yield {"url": url, "title": title, "summary": summary}


def hub(request):
    return render(request, "community/hub.html", {"doors": list(_doors(request.user))})
