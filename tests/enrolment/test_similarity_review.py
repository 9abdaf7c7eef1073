"""Similar work from the outside, role by role: the instructor and peer reviewers see
"similar to another submission (NN %)" with both works side by side and record what
they think; the author, strangers and other courses' instructors see nothing of it."""

import pytest

from enrolment.models import SimilarityLook, SimilarityMatch, Submission

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .similar_work import NOTE, NOTE_REWORKED, copied, textured, upload
from .similarity_site import build_similarity_site, hand_in, student

pytestmark = pytest.mark.django_db

similarity_site = built_once_per_module(build_similarity_site, "similarity_site")


@pytest.fixture
def copied_work(similarity_site, django_capture_on_commit_callbacks):
    """Awa's work, then Bibi's: the same photo turned and mirrored, the note reworded."""
    original = textured(81)
    awa = student(similarity_site, "awa@example.cm", first_name="Awa", last_name="Nana")
    first = hand_in(
        similarity_site,
        awa,
        upload(original),
        note=NOTE,
        capture=django_capture_on_commit_callbacks,
    )
    bibi = student(similarity_site, "bibi@example.cm", first_name="Bibi", last_name="Eko")
    later = hand_in(
        similarity_site,
        bibi,
        upload(copied(original), quality=40),
        note=NOTE_REWORKED,
        capture=django_capture_on_commit_callbacks,
    )
    return {"first": first, "later": later, "author": bibi}


def photo_match(work):
    return SimilarityMatch.objects.get(submission=work["later"], kind="photo")


@pytest.mark.parametrize(
    ("language", "heading", "looked_fine"),
    [
        ("fr", "Semblable à un autre travail rendu", "Vu\u00a0: rien à signaler"),
        ("en", "Similar to another submission", "Looked at: fine"),
    ],
)
def test_instructor_sees_both_works_side_by_side_with_names(
    client, similarity_site, copied_work, language, heading, looked_fine
):
    client.force_login(similarity_site["teacher"])
    match = photo_match(copied_work)

    page = client.get(f"/{language}/teach/work/{copied_work['later'].pk}/").content.decode()

    assert f"{heading} ({match.percent}" in page
    assert f"/{language}/learn/photo/{match.photo_id}/" in page
    assert f"/{language}/learn/similar/{match.pk}/photo/" in page
    assert "Awa Nana" in page  # whose earlier work it is
    assert looked_fine in page
    assert client.get(f"/{language}/learn/similar/{match.pk}/photo/").status_code == 200


def test_peer_reviewer_sees_the_match_without_names_and_marks_it(
    client, similarity_site, copied_work
):
    chloe = student(similarity_site, "chloe@example.cm")
    client.force_login(chloe)
    match = photo_match(copied_work)
    page_path = f"/en/learn/reviews/{copied_work['later'].pk}/"

    page = client.get(page_path).content.decode()
    answer = client.post(
        f"/en/learn/similar/{match.pk}/look/", {"verdict": "not_own", "next": page_path}
    )

    assert "Similar to another submission" in page
    assert "Awa Nana" not in page
    assert answer.status_code == 302 and answer["Location"] == page_path
    look = SimilarityLook.objects.get()
    assert (look.match, look.by, look.verdict) == (match, chloe, "not_own")
    assert "Looked at: not own work" in client.get(page_path).content.decode()
    # A mark decides nothing: the work still waits for its reviews.
    assert Submission.objects.get(pk=copied_work["later"].pk).status == "peers"


def test_a_second_mark_replaces_the_first_and_the_instructor_sees_the_reviewers(
    client, similarity_site, copied_work
):
    chloe = student(similarity_site, "chloe@example.cm")
    match = photo_match(copied_work)
    client.force_login(chloe)
    client.post(f"/fr/learn/similar/{match.pk}/look/", {"verdict": "not_own"})
    client.post(f"/fr/learn/similar/{match.pk}/look/", {"verdict": "fine"})
    client.force_login(similarity_site["teacher"])

    page = client.get(f"/en/teach/work/{copied_work['later'].pk}/").content.decode()

    assert list(SimilarityLook.objects.values_list("by", "verdict")) == [(chloe.pk, "fine")]
    assert "A reviewer" in page and "Looked at: fine" in page


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Choisissez «\u00a0rien à signaler\u00a0» ou «\u00a0pas son propre travail\u00a0»."),
        ("en", "Choose “fine” or “not own work”."),
    ],
)
def test_an_unknown_verdict_is_refused_and_nothing_is_stored(
    client, similarity_site, copied_work, language, message
):
    client.force_login(similarity_site["teacher"])
    match = photo_match(copied_work)

    answer = client.post(
        f"/{language}/learn/similar/{match.pk}/look/", {"verdict": "guilty"}, follow=True
    )

    assert message in answer.content.decode()
    assert not SimilarityLook.objects.exists()


def test_another_course_instructor_the_author_and_strangers_get_404(
    client, similarity_site, copied_work
):
    match = photo_match(copied_work)
    stranger = make_person("nobody@example.cm")
    for person in (similarity_site["other_teacher"], copied_work["author"], stranger):
        client.force_login(person)
        assert client.get(f"/en/teach/work/{copied_work['later'].pk}/").status_code == 404
        assert client.get(f"/en/learn/similar/{match.pk}/photo/").status_code == 404
        answer = client.post(f"/en/learn/similar/{match.pk}/look/", {"verdict": "fine"})
        assert answer.status_code == 404
    assert not SimilarityLook.objects.exists()


def test_the_author_is_not_shown_the_comparison(client, similarity_site, copied_work):
    client.force_login(copied_work["author"])

    page = client.get(f"/en/learn/work/{copied_work['later'].pk}/").content.decode()

    assert "Similar to" not in page


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "Vos photos et votre note sont comparées"),
        ("en", "Your photos and note are compared with the work of other students"),
    ],
)
def test_the_student_is_told_before_handing_in_that_work_is_compared(
    client, similarity_site, language, notice
):
    client.force_login(student(similarity_site, "dora@example.cm"))
    path = similarity_site["work" if language == "fr" else "work_en"].url

    page = client.get(path).content.decode()

    assert notice in page


def test_short_note_and_tiny_photo_are_explained_to_the_instructor(
    client, similarity_site, django_capture_on_commit_callbacks
):
    work = hand_in(
        similarity_site,
        student(similarity_site, "eve@example.cm"),
        upload(textured(91, size=(24, 24)), "t.png", "PNG"),
        note="Merci !",
        capture=django_capture_on_commit_callbacks,
    )
    client.force_login(similarity_site["teacher"])

    page = client.get(f"/en/teach/work/{work.pk}/").content.decode()

    assert "The note was not compared: it is shorter than 12 words." in page
    assert "Photo 1 was not compared: it is too small to compare." in page


def test_the_instructor_page_reads_matches_in_a_fixed_number_of_queries(
    client, similarity_site, copied_work, django_assert_max_num_queries
):
    client.force_login(similarity_site["teacher"])
    path = f"/en/teach/work/{copied_work['later'].pk}/"
    client.get(path)
    with django_assert_max_num_queries(100) as one_pair:
        client.get(path)
    for n, email in enumerate(("chloe@example.cm", "dora@example.cm", "eve@example.cm")):
        match = SimilarityMatch.objects.filter(submission=copied_work["later"]).first()
        reviewer = student(similarity_site, email)
        SimilarityLook.objects.create(match=match, by=reviewer, verdict="fine")
        SimilarityMatch.objects.create(
            submission=copied_work["later"],
            kind="text",
            percent=60 + n,
            pair=f"text:extra-{n}",
            other=copied_work["first"],
        )

    with django_assert_max_num_queries(len(one_pair.captured_queries)):
        page = client.get(path)

    assert page.content.decode().count("Similar to another submission") == 5
