"""Challenges and their entries in the community's reports (community.reports): anyone
signed in who sees one may report it; enough reports hide it until a moderator decides
in the one queue. A hidden entry takes no votes."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import reports
from ..models import Challenge, Entry
from .access import may_see_challenge, may_see_entry
from .posting import REPORT_KIND as CHALLENGE_KIND
from .services import REPORT_KIND as ENTRY_KIND


def _challenge_url(challenge):
    return reverse("challenges:challenge", args=[challenge.pk])


def _challenge_photos(challenge):
    return [
        reverse("challenges:example_photo", args=[photo.pk, "full"])
        for photo in challenge.photos.all()
    ]


def _entry_photos(entry):
    urls = [reverse("challenges:entry_photo", args=[entry.pk, "after"])]
    if entry.before:
        urls.append(reverse("challenges:entry_photo", args=[entry.pk, "before"]))
    return urls


def register():
    reports.register(
        reports.Reportable(
            kind=CHALLENGE_KIND,
            model=Challenge,
            may_see=lambda user, challenge: (
                user.is_authenticated and may_see_challenge(user, challenge)
            ),
            excerpt=lambda challenge: f"{challenge.title_fr}: {challenge.brief_fr}",
            url=_challenge_url,
            author_id=lambda challenge: challenge.author_id,
            label=_("Challenge"),
            photo_urls=_challenge_photos,
        )
    )
    reports.register(
        reports.Reportable(
            kind=ENTRY_KIND,
            model=Entry,
            may_see=lambda user, entry: user.is_authenticated and may_see_entry(user, entry),
            excerpt=lambda entry: entry.caption,
            url=lambda entry: _challenge_url(entry.challenge) + f"#e{entry.pk}",
            author_id=lambda entry: entry.author_id,
            label=_("Challenge entry"),
            photo_urls=_entry_photos,
        )
    )
