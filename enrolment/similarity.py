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
    SubmissionPhoto,
    TextBand,
    TextFingerprint,
)

# A note or photo copied again and again shows its closest few matches, not a wall.
MATCHES_PER_PHOTO = 3
MATCHES_PER_NOTE = 3


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
        # A pair recorded already (by the other work's check) stays as it was.
        SimilarityMatch.objects.bulk_create(
            [SimilarityMatch(**pair) for pair in pairs], ignore_conflicts=True
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
    """(later, earlier) of two (submission id, handed-in time, …) tuples."""
    return (mine, theirs) if (mine[1], mine[0]) > (theirs[1], theirs[0]) else (theirs, mine)


def _others_work(submission, ids):
    """{submission id: handed-in time} of those of `ids` that other students handed in."""
    return dict(
        Submission.objects.filter(pk__in=ids)
        .exclude(enrolment__user_id=submission.enrolment.user_id)
        .values_list("pk", "submitted_at")
    )


def _text_pairs(submission):
    fingerprint = TextFingerprint.objects.filter(submission=submission).first()
    if fingerprint is None:
        return []
    same_bands = TextBand.objects.filter(
        lesson_id=submission.lesson_id,
        assignment_id=submission.assignment_id,
        key__in=text_fingerprints.band_keys(fingerprint.signature),
    ).values("fingerprint_id")
    # Only the candidates LSH found are read, signatures only; who wrote them is asked
    # for the few alike enough.
    alike = {
        other_id: similar
        for other_id, signature in TextFingerprint.objects.filter(pk__in=same_bands)
        .exclude(pk=submission.pk)
        .values_list("submission_id", "signature")
        if (similar := text_fingerprints.similarity(fingerprint.signature, bytes(signature)))
        >= text_fingerprints.FLAG_AT
    }
    others = _others_work(submission, list(alike))
    closest = sorted(others, key=lambda other_id: -alike[other_id])[:MATCHES_PER_NOTE]
    pairs = []
    for other_id in closest:
        later, earlier = _later_first(
            (submission.pk, submission.submitted_at), (other_id, others[other_id])
        )
        pairs.append(
            {
                "submission_id": later[0],
                "pair": f"text:{earlier[0]}",
                "kind": SimilarityMatch.Kind.TEXT,
                "other_id": earlier[0],
                "percent": round(100 * alike[other_id]),
            }
        )
    return pairs


def _comparable(photo_prints):
    return {
        photo: photo_print
        for photo, photo_print in photo_prints.items()
        if isinstance(photo_print, photo_fingerprints.PhotoPrint)
    }


def _photo_pairs(submission, photo_prints):
    prints = _comparable(photo_prints)
    if not prints:
        return []
    # Every photo of the assignment is compared, so only its hashes are read (four
    # integers a photo, no join); the few alike are then looked up.
    rows = list(
        PhotoFingerprint.objects.filter(
            lesson_id=submission.lesson_id,
            assignment_id=submission.assignment_id,
            problem=PhotoFingerprint.Problem.NONE,
        ).values_list("photo_id", "phash", "dhash", "colour")
    )
    if not rows:
        return []
    photo_ids, phashes, dhashes, colours = zip(*rows, strict=True)
    alike = {}
    for photo, photo_print in prints.items():
        bits = photo_fingerprints.closest(photo_print, phashes, dhashes, colours)
        alike[photo] = {photo_ids[index]: int(bits[index]) for index in (bits >= 0).nonzero()[0]}
    matched_ids = {photo_id for matched in alike.values() for photo_id in matched}
    found = dict(
        SubmissionPhoto.objects.filter(pk__in=matched_ids).values_list("pk", "submission_id")
    )
    others = _others_work(submission, set(found.values()))
    pairs = []
    for photo, matched in alike.items():
        theirs = [photo_id for photo_id in matched if found.get(photo_id) in others]
        for photo_id in sorted(theirs, key=matched.get)[:MATCHES_PER_PHOTO]:
            other_id = found[photo_id]
            later, earlier = _later_first(
                (submission.pk, submission.submitted_at, photo.pk),
                (other_id, others[other_id], photo_id),
            )
            pairs.append(
                {
                    "submission_id": later[0],
                    "pair": f"photo:{later[2]}:{earlier[2]}",
                    "kind": SimilarityMatch.Kind.PHOTO,
                    "photo_id": later[2],
                    "other_id": earlier[0],
                    "other_photo_id": earlier[2],
                    "percent": photo_fingerprints.percent(matched[photo_id]),
                }
            )
    return pairs


def _example_pairs(submission, photo_prints):
    prints = _comparable(photo_prints)
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
