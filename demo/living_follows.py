"""The living demo's follows (demo/content/follows.yaml): students follow a couple of
instructors and professionals, so their "following" page has lines. The lines are the
courses' first publications, recorded as the catalogue was published; they are dated
back here so the feed reads like weeks of news rather than one minute."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from community.follows import services
from community.models import Activity

from .content import read


def load():
    data = read("follows")
    emails = {row["follower"] for row in data["follows"]}
    emails |= {email for row in data["follows"] for email in row["follows"]}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    for row in data["follows"]:
        for email in row["follows"]:
            services.follow(follower=people[row["follower"]], followed=people[email])
    _date_course_lines(days=data["course_lines_every_days"])


def _date_course_lines(*, days):
    now = timezone.now()
    lines = Activity.objects.filter(verb=Activity.Verb.COURSE_PUBLISHED).order_by("-created", "-id")
    for position, line in enumerate(lines):
        Activity.objects.filter(pk=line.pk).update(
            created=now - timedelta(days=days * position + 1, hours=position % 5)
        )
