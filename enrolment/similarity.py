"""Similarity checks on practice work: a submission's note and photos are compared
with the other work handed in to the same assignment (by other students), and its
photos with the course's own example photos. Pairs found alike are recorded on the
later of the two works for the instructor and peer reviewers to look at; nothing is
decided or penalised here.

Run once per submission by a Celery task after it is handed in (check_submission is
idempotent). Fingerprints are stored, so each check signs only its own work."""

from django.db import transaction

from . import photo_fingerprints, text_fingerprints
from .example_photos import example_prints
from .models import (
    PhotoFingerprint,
    SimilarityCheck,
    SimilarityMatch,
    Submission,
    TextBand,
    TextFingerprint,
)

# A photo copied again and again shows its closest few matches, not a wall of them.
MATCHES_PER_PHOTO = 3


def check_submission(submission_id):
    """Fingerprint the work, compare it and record what is alike. Returns the number of
    pairs found, or None when the work is gone or was checked already."""
    submission = (
        Submission.objects.select_related("enrolment", "lesson").filter(pk=submission_id).first()
    )
    if submission is None or SimilarityCheck.objects.filter(submission=submission).exists():
        return None
    photo_prints = _photo_prints(submission)
    # Fingerprints are committed before comparing: of two works checked at the same
    # time, the one that compares second finds the other.
    with transaction.atomic():
        text_state = _store_text_fingerprint(submission)
        _store_photo_fingerprints(submission, photo_prints)
    with transaction.atomic():
        pairs = _text_pairs(submission) + _photo_pairs(submission, photo_prints)
        pairs += _example_pairs(submission, photo_prints)
        for pair in pairs:
            SimilarityMatch.objects.get_or_create(
                submission_id=pair.pop("submission_id"), pair=pair.pop("pair"), defaults=pair
            )
        _check, created = SimilarityCheck.objects.get_or_create(
            submission=submission, defaults={"text": text_state}
        )
    return len(pairs) if created else None


def _store_text_fingerprint(submission):
    note = submission.note.strip()
    if not note:
        return SimilarityCheck.Text.EMPTY
    if not text_fingerprints.long_enough(note):
        return SimilarityCheck.Text.TOO_SHORT
    signature = text_fingerprints.signature(note)
    fingerprint, created = TextFingerprint.objects.get_or_create(
        submission=submission,
        defaults={
            "lesson_id": submission.lesson_id,
            "assignment_id": submission.assignment_id,
            "signature": signature,
        },
    )
    if created:
        TextBand.objects.bulk_create(
            TextBand(
                fingerprint=fingerprint,
                lesson_id=submission.lesson_id,
                assignment_id=submission.assignment_id,
                key=key,
            )
            for key in set(text_fingerprints.band_keys(signature))
        )
    return SimilarityCheck.Text.COMPARED


def _photo_prints(submission):
    """{photo: PhotoPrint or the problem that kept it from one}, read from the stored
    WebP files (already checked and bounded in size when handed in)."""
    prints = {}
    for photo in submission.photos.all():
        try:
            with photo.image.open("rb") as file:
                prints[photo] = photo_fingerprints.fingerprint_file(file)
        except photo_fingerprints.NotComparable as error:
            prints[photo] = error.problem
        except OSError:
            prints[photo] = photo_fingerprints.UNREADABLE
    return prints


def _store_photo_fingerprints(submission, photo_prints):
    for photo, photo_print in photo_prints.items():
        compared = isinstance(photo_print, photo_fingerprints.PhotoPrint)
        PhotoFingerprint.objects.get_or_create(
            photo=photo,
            defaults={
                "lesson_id": submission.lesson_id,
                "assignment_id": submission.assignment_id,
                "phash": photo_print.phash if compared else None,
                "dhash": photo_print.dhash if compared else None,
                "colour": photo_print.colour if compared else None,
                "problem": "" if compared else photo_print,
            },
        )


def _later_first(mine, theirs):
    """(later, earlier) of two (submission id, handed-in time) pairs."""
    return (mine, theirs) if (mine[1], mine[0]) > (theirs[1], theirs[0]) else (theirs, mine)


def _text_pairs(submission):
    fingerprint = TextFingerprint.objects.filter(submission=submission).first()
    if fingerprint is None:
        return []
    same_bands = TextBand.objects.filter(
        lesson_id=submission.lesson_id,
        assignment_id=submission.assignment_id,
        key__in=text_fingerprints.band_keys(fingerprint.signature),
    ).values("fingerprint_id")
    candidates = (
        TextFingerprint.objects.filter(pk__in=same_bands)
        .exclude(submission__enrolment__user_id=submission.enrolment.user_id)
        .values_list("submission_id", "submission__submitted_at", "signature")
    )
    pairs = []
    for other_id, other_time, signature in candidates:
        alike = text_fingerprints.similarity(fingerprint.signature, bytes(signature))
        if alike < text_fingerprints.FLAG_AT:
            continue
        later, earlier = _later_first(
            (submission.pk, submission.submitted_at), (other_id, other_time)
        )
        pairs.append(
            {
                "submission_id": later[0],
                "pair": f"text:{earlier[0]}",
                "kind": SimilarityMatch.Kind.TEXT,
                "other_id": earlier[0],
                "percent": round(100 * alike),
            }
        )
    return pairs


def _photo_pairs(submission, photo_prints):
    prints = {
        photo: photo_print
        for photo, photo_print in photo_prints.items()
        if isinstance(photo_print, photo_fingerprints.PhotoPrint)
    }
    if not prints:
        return []
    rows = list(
        PhotoFingerprint.objects.filter(
            lesson_id=submission.lesson_id,
            assignment_id=submission.assignment_id,
            problem=PhotoFingerprint.Problem.NONE,
        )
        .exclude(photo__submission__enrolment__user_id=submission.enrolment.user_id)
        .values_list(
            "photo_id",
            "photo__submission_id",
            "photo__submission__submitted_at",
            "phash",
            "dhash",
            "colour",
        )
    )
    if not rows:
        return []
    photo_ids, submission_ids, times, phashes, dhashes, colours = zip(*rows, strict=True)
    pairs = []
    for photo, photo_print in prints.items():
        bits = photo_fingerprints.closest(photo_print, phashes, dhashes, colours)
        alike = sorted((int(b), index) for index, b in enumerate(bits) if b >= 0)
        for distance, index in alike[:MATCHES_PER_PHOTO]:
            mine = (submission.pk, submission.submitted_at, photo.pk)
            theirs = (submission_ids[index], times[index], photo_ids[index])
            later, earlier = _later_first(mine, theirs)
            pairs.append(
                {
                    "submission_id": later[0],
                    "pair": f"photo:{later[2]}:{earlier[2]}",
                    "kind": SimilarityMatch.Kind.PHOTO,
                    "photo_id": later[2],
                    "other_id": earlier[0],
                    "other_photo_id": earlier[2],
                    "percent": photo_fingerprints.percent(distance),
                }
            )
    return pairs


def _example_pairs(submission, photo_prints):
    prints = {
        photo: photo_print
        for photo, photo_print in photo_prints.items()
        if isinstance(photo_print, photo_fingerprints.PhotoPrint)
    }
    examples = example_prints(submission.enrolment.course) if prints else []
    if not examples:
        return []
    image_ids, phashes, dhashes, colours = zip(*examples, strict=True)
    pairs = []
    for photo, photo_print in prints.items():
        bits = photo_fingerprints.closest(photo_print, phashes, dhashes, colours)
        alike = sorted((int(b), index) for index, b in enumerate(bits) if b >= 0)
        for distance, index in alike[:MATCHES_PER_PHOTO]:
            pairs.append(
                {
                    "submission_id": submission.pk,
                    "pair": f"example:{photo.pk}:{image_ids[index]}",
                    "kind": SimilarityMatch.Kind.EXAMPLE,
                    "photo_id": photo.pk,
                    "example_image_id": image_ids[index],
                    "percent": photo_fingerprints.percent(distance),
                }
            )
    return pairs
