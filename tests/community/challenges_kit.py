"""Helpers of the challenge tests: a challenge posted through the service, moved in
time (running, closed, upcoming) by its dates, entries and votes made the same way,
and a crowd of members for the tests that need many voters."""

from datetime import timedelta

from django.utils import timezone

from ..conftest import make_person
from .conftest import OLD, photo_upload

TITLES = {"fr": "Tresses collées du week-end", "en": "Weekend cornrows"}
BRIEFS = {
    "fr": "Montrez vos plus belles tresses collées, raies bien droites.",
    "en": "Show your best cornrows, with straight partings.",
}


def post(people, *, by="moderator", uploads=(), **fields):
    from community.challenges import posting

    now = timezone.now()
    values = {
        "period": "weekly",
        "title_fr": TITLES["fr"],
        "title_en": TITLES["en"],
        "brief_fr": BRIEFS["fr"],
        "brief_en": BRIEFS["en"],
        "speciality": people["category"],
        "opens_at": now - timedelta(hours=1),
        "deadline": now + timedelta(days=7),
        "prize": "Un kit de peignes",
    }
    values.update(fields)
    return posting.post_challenge(user=people[by], uploads=uploads, **values)


def close(challenge):
    """The deadline has just passed (results not frozen yet)."""
    from community.models import Challenge

    now = timezone.now()
    Challenge.objects.filter(pk=challenge.pk).update(
        opens_at=now - timedelta(days=8), deadline=now - timedelta(minutes=1)
    )
    challenge.refresh_from_db()
    return challenge


def enter(challenge, user, caption="Mes tresses", before=False):
    from community.challenges import services

    return services.enter(
        user=user,
        challenge=challenge,
        caption=caption,
        photo=photo_upload(),
        before=photo_upload("avant.jpg") if before else None,
    )


def vote(entry, user):
    from community.challenges import services

    return services.vote(user=user, entry=entry)


def crowd(count, start=0):
    """`count` long-standing members (not new: the new-member limits have their own tests)."""
    return [
        make_person(f"membre{number}@example.cm", first_name=f"Membre{number}", date_joined=OLD)
        for number in range(start, start + count)
    ]


def text(response):
    return (
        response.content.decode()
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("&#x27;", "'")
    )
