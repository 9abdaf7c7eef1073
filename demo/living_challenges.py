"""The living demo's challenges (demo/content/challenges.yaml): a finished monthly
braiding challenge with its winners and a running weekly make-up challenge with six
entries and a few votes. Posted, entered and voted on through the challenges'
services, so their rules apply; a finished one is then moved back in time and its
results frozen, as the task does at the deadline."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from community.challenges import posting, results, services
from community.models import Challenge, Contribution, Entry
from course_pages.models import CourseCategory

from .content import read
from .sample_media import make_image_bytes

PHOTO_SIDE = 600


def load():
    for spec in read("challenges")["challenges"]:
        _challenge(spec)


def _person(email):
    return User.objects.get(email=email)


def _speciality(key):
    slug = next(c["fr"]["slug"] for c in read("catalogue")["categories"] if c["key"] == key)
    return CourseCategory.objects.get(locale=Locale.get_default(), slug=slug)


def _photo(label):
    # Plain letters: the picture's font draws no accents.
    data = make_image_bytes(label, width=PHOTO_SIDE, height=PHOTO_SIDE)
    return SimpleUploadedFile(f"{label[:30]}.jpg", data, content_type="image/jpeg")


def _challenge(spec):
    now = timezone.now()
    finished = spec["deadline"] <= 0
    challenge = posting.post_challenge(
        user=_person(spec["by"]),
        period=spec["period"],
        title_fr=spec["title_fr"],
        title_en=spec["title_en"],
        brief_fr=spec["brief_fr"],
        brief_en=spec["brief_en"],
        speciality=_speciality(spec["speciality"]),
        opens_at=now + timedelta(days=spec["opened"]),
        # A finished challenge runs while the demo enters and votes, then moves back.
        deadline=now + timedelta(days=1 if finished else spec["deadline"]),
        prize=spec["prize"],
        uploads=[_photo(f"Exemple {number}") for number in range(1, spec["examples"] + 1)],
    )
    for number, item in enumerate(spec["entries"]):
        entry = services.enter(
            user=_person(item["by"]),
            challenge=challenge,
            caption=item["caption"],
            photo=_photo(f"Photo {number + 1}"),
            before=_photo(f"Avant {number + 1}") if item.get("before") else None,
        )
        # Entered over the days the challenge ran, and so in the posting log.
        entered_at = now + timedelta(days=spec["opened"] + number + 1)
        Entry.objects.filter(pk=entry.pk).update(created_at=min(entered_at, now))
        Contribution.objects.filter(kind=services.REPORT_KIND, object_id=entry.pk).update(
            created_at=min(entered_at, now)
        )
        for email in item["votes"]:
            services.vote(user=_person(email), entry=entry)
    if finished:
        Challenge.objects.filter(pk=challenge.pk).update(
            deadline=now + timedelta(days=spec["deadline"])
        )
        results.freeze(challenge.pk)
    return challenge
