"""Similarity checks on practice work, run as after a real hand-in: notes compared by
MinHash, photos by perceptual hash in any turn, against other students' earlier work
and the course's own example photos. A match is recorded for people to look at; the
work itself is never changed by it."""

import io

import pytest
from PIL import Image

from demo.living_learning import work_photo
from enrolment import photo_fingerprints, similarity
from enrolment.models import (
    PhotoFingerprint,
    SimilarityCheck,
    SimilarityMatch,
    Submission,
    TextBand,
    TextFingerprint,
)

from ..shared_build import built_once_per_module
from .similar_work import (
    NOTE,
    NOTE_OTHER,
    NOTE_REWORKED,
    copied,
    crafted_to_collide,
    textured,
    upload,
)
from .similarity_site import EXAMPLE_SEED, build_similarity_site, hand_in, student

pytestmark = pytest.mark.django_db

similarity_site = built_once_per_module(build_similarity_site, "similarity_site")


@pytest.fixture
def check(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_reordered_and_edited_note_is_flagged_and_an_unrelated_one_is_not(similarity_site, check):
    first = hand_in(
        similarity_site,
        student(similarity_site, "awa@example.cm"),
        upload(textured(1)),
        note=NOTE,
        capture=check,
    )
    copy = hand_in(
        similarity_site,
        student(similarity_site, "bibi@example.cm"),
        upload(textured(2)),
        note=NOTE_REWORKED,
        capture=check,
    )
    other = hand_in(
        similarity_site,
        student(similarity_site, "chloe@example.cm"),
        upload(textured(3)),
        note=NOTE_OTHER,
        capture=check,
    )

    match = SimilarityMatch.objects.get()
    assert (match.submission, match.kind, match.other) == (copy, "text", first)
    assert 50 <= match.percent < 100
    assert not SimilarityMatch.objects.filter(submission__in=[first, other]).exists()
    # Nothing is penalised: the work waits for its reviews like any other.
    assert Submission.objects.get(pk=copy.pk).status == Submission.Status.AWAITING_PEERS


def test_turned_mirrored_recompressed_photo_is_flagged_and_a_different_one_is_not(
    similarity_site, check
):
    original = textured(11)
    first = hand_in(
        similarity_site, student(similarity_site, "awa@example.cm"), upload(original), capture=check
    )
    copy = hand_in(
        similarity_site,
        student(similarity_site, "bibi@example.cm"),
        upload(copied(original), "copie.jpg", quality=35),
        upload(textured(12), "autre.png", "PNG"),
        capture=check,
    )
    hand_in(
        similarity_site,
        student(similarity_site, "chloe@example.cm"),
        upload(textured(13)),
        capture=check,
    )

    match = SimilarityMatch.objects.get()
    assert (match.submission, match.kind, match.other) == (copy, "photo", first)
    assert match.photo == copy.photos.get(position=0)
    assert match.other_photo == first.photos.get()
    assert match.percent >= 84


def test_a_photo_of_the_course_example_is_flagged(similarity_site, check):
    example = textured(EXAMPLE_SEED, size=(1200, 900)).transpose(Image.Transpose.ROTATE_180)

    work = hand_in(
        similarity_site, student(similarity_site, "awa@example.cm"), upload(example), capture=check
    )

    match = SimilarityMatch.objects.get()
    assert (match.submission, match.kind) == (work, "example")
    assert match.example_image_id == similarity_site["example"].pk


def test_the_demo_distinct_photos_raise_no_alarm(similarity_site, check):
    for seed, email in enumerate(["nadia@example.cm", "john@example.cm", "carine@example.cm"]):
        uploads = [work_photo(seed, position) for position in range(2)]
        hand_in(similarity_site, student(similarity_site, email), *uploads, capture=check)

    assert SimilarityCheck.objects.count() == 3
    assert PhotoFingerprint.objects.filter(problem="").count() == 6
    assert not SimilarityMatch.objects.exists()


def test_her_own_earlier_work_is_not_a_copy(similarity_site, check):
    awa = student(similarity_site, "awa@example.cm")
    first = hand_in(similarity_site, awa, upload(textured(21)), note=NOTE, capture=check)
    Submission.objects.filter(pk=first.pk).update(status=Submission.Status.NEEDS_WORK)

    hand_in(similarity_site, awa, upload(textured(21)), note=NOTE, capture=check)

    assert not SimilarityMatch.objects.exists()


def test_the_check_runs_once_and_stores_signatures_instead_of_recomputing(similarity_site, check):
    first = hand_in(
        similarity_site,
        student(similarity_site, "awa@example.cm"),
        upload(textured(31)),
        note=NOTE,
        capture=check,
    )
    copy = hand_in(
        similarity_site,
        student(similarity_site, "bibi@example.cm"),
        upload(textured(31)),
        note=NOTE,
        capture=check,
    )
    stored = (
        TextFingerprint.objects.count(),
        TextBand.objects.count(),
        SimilarityMatch.objects.count(),
    )

    assert similarity.check_submission(copy.pk) is None
    assert similarity.check_submission(first.pk) is None
    assert stored == (2, TextBand.objects.count(), 2)
    assert (TextFingerprint.objects.count(), SimilarityMatch.objects.count()) == (2, 2)
    assert set(SimilarityMatch.objects.values_list("kind", flat=True)) == {"text", "photo"}


def test_a_pair_is_found_whichever_check_runs_first(similarity_site):
    # Both handed in before either check ran (a busy worker): the earlier one's check,
    # run last, records the pair on the later work.
    first = hand_in(
        similarity_site, student(similarity_site, "awa@example.cm"), upload(textured(41))
    )
    later = hand_in(
        similarity_site, student(similarity_site, "bibi@example.cm"), upload(textured(41))
    )

    similarity.check_submission(later.pk)
    similarity.check_submission(first.pk)

    match = SimilarityMatch.objects.get()
    assert (match.submission, match.other) == (later, first)


def test_an_upload_crafted_to_collide_with_a_hash_is_not_flagged(similarity_site, check):
    target = textured(51)
    forged = crafted_to_collide(target, textured(52))
    hand_in(
        similarity_site, student(similarity_site, "awa@example.cm"), upload(target), capture=check
    )

    work = hand_in(
        similarity_site,
        student(similarity_site, "bibi@example.cm"),
        upload(forged, "f.png", "PNG"),
        capture=check,
    )

    stored = PhotoFingerprint.objects.get(photo__submission=work)
    target_print = PhotoFingerprint.objects.exclude(pk=stored.pk).get()
    phash_bits = bin((stored.phash ^ target_print.phash) & (2**64 - 1)).count("1")
    assert phash_bits <= photo_fingerprints.PHASH_BITS  # the forgery does fool pHash alone
    assert not SimilarityMatch.objects.exists()


@pytest.mark.parametrize(
    ("note", "text_state"),
    [("", "empty"), ("   \n ", "empty"), ("Merci pour vos conseils !", "too_short")],
)
def test_an_empty_or_short_note_is_not_compared_and_says_so(
    similarity_site, check, note, text_state
):
    for email in ("awa@example.cm", "bibi@example.cm"):
        hand_in(
            similarity_site,
            student(similarity_site, email),
            upload(textured(61)),
            note=note,
            capture=check,
        )

    assert set(SimilarityCheck.objects.values_list("text", flat=True)) == {text_state}
    assert not TextFingerprint.objects.exists()
    assert not SimilarityMatch.objects.filter(kind="text").exists()


def test_tiny_plain_and_damaged_photos_are_not_compared_and_nothing_breaks(
    similarity_site, check, django_capture_on_commit_callbacks
):
    tiny = textured(71, size=(20, 16))
    plain = Image.new("RGB", (800, 600), "#c2577f")
    for email in ("awa@example.cm", "bibi@example.cm"):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            work = hand_in(
                similarity_site,
                student(similarity_site, email),
                upload(tiny, "t.png", "PNG"),
                upload(plain),
                upload(textured(72)),
            )
        damaged = work.photos.get(position=2)
        with damaged.image.open("wb") as file:
            file.write(b"RIFF\x00\x00\x00\x00WEBPVP8 broken")
        for callback in callbacks:
            callback()

    problems = list(
        PhotoFingerprint.objects.order_by("photo__submission", "photo__position").values_list(
            "problem", flat=True
        )
    )
    assert problems == ["too_small", "plain", "unreadable"] * 2
    assert SimilarityCheck.objects.count() == 2
    assert not SimilarityMatch.objects.exists()


def test_a_huge_image_is_refused_from_its_header_not_decoded():
    buffer = io.BytesIO()
    Image.new("1", (9_000, 9_000)).save(buffer, "PNG")

    with pytest.raises(photo_fingerprints.NotComparable) as refused:
        photo_fingerprints.fingerprint_file(io.BytesIO(buffer.getvalue()))

    assert refused.value.problem == photo_fingerprints.UNREADABLE
