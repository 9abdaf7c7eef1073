import html
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enrolment import services
from enrolment.errors import InvalidUpload, NotAllowed, NotEnrolled
from enrolment.models import PeerReview, Submission, SubmissionPhoto

from ..conftest import make_person
from .conftest import lesson, photo_upload


def hand_in(user, site, uploads=None, note=""):
    work = lesson(site["work"])
    return services.submit_assignment(
        user=user,
        lesson=work,
        assignment_id=work.body[0].id,
        note=note,
        uploads=uploads if uploads is not None else [photo_upload()],
    )


def classmate(site, email):
    person = make_person(email)
    services.enrol(user=person, course=site["course"])
    return person


def review(reviewer, submission, comment="Beau travail, teint régulier."):
    criterion = lesson_criteria(submission)
    return services.review_submission(
        reviewer=reviewer, submission=submission, scores={criterion: 4}, comment=comment
    )


def lesson_criteria(submission):
    return submission.lesson.specific.body[0].value["rubric"][0].id


@pytest.mark.django_db
def test_student_hands_in_photos_through_the_lesson_page(client, course_site, enrolled):
    client.force_login(enrolled)
    work = course_site["work"]

    response = client.post(
        f"/fr/learn/lesson/{work.pk}/work/{work.body[0].id}/",
        {
            "note": "Mon premier essai",
            "photos": [photo_upload("a.jpg"), photo_upload("b.png", "PNG")],
        },
    )

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert submission.status == Submission.Status.AWAITING_PEERS
    assert [p.image.name.endswith(".webp") for p in submission.photos.all()] == [True, True]


@pytest.mark.django_db
def test_heic_photos_are_accepted_and_converted(course_site, enrolled):
    import io

    from PIL import Image
    from pillow_heif import from_pillow

    buffer = io.BytesIO()
    from_pillow(Image.new("RGB", (640, 480), "#8a1c4a")).save(buffer, quality=60)
    upload = SimpleUploadedFile("IMG_0001.HEIC", buffer.getvalue(), content_type="image/heic")

    submission = hand_in(enrolled, course_site, uploads=[upload])

    assert submission.photos.get().width == 640


@pytest.mark.parametrize(
    ("uploads", "message_part"),
    [
        (lambda: [SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a photo")], "n'est pas une photo"),
        (lambda: [SimpleUploadedFile("fake.jpg", b"\xff\xd8\xff garbage")], "n'est pas une photo"),
        (lambda: [], "entre 1 et 5 photos"),
        (lambda: [photo_upload(f"{n}.jpg") for n in range(6)], "entre 1 et 5 photos"),
    ],
)
@pytest.mark.django_db
def test_bad_uploads_are_refused_with_a_clear_message(
    client, course_site, enrolled, uploads, message_part
):
    client.force_login(enrolled)
    work = course_site["work"]

    response = client.post(
        f"/fr/learn/lesson/{work.pk}/work/{work.body[0].id}/", {"photos": uploads()}, follow=True
    )

    assert message_part in html.unescape(response.content.decode())
    assert not Submission.objects.exists() and not SubmissionPhoto.objects.exists()


@pytest.mark.django_db
def test_photo_over_10_mb_is_refused(course_site, enrolled):
    big = photo_upload()
    big.size = 11 * 1024 * 1024

    with pytest.raises(InvalidUpload):
        hand_in(enrolled, course_site, uploads=[big])

    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_two_peer_reviews_pass_the_work_to_the_instructor(course_site, enrolled):
    submission = hand_in(enrolled, course_site)

    review(classmate(course_site, "a@example.cm"), submission)
    review(classmate(course_site, "b@example.cm"), submission)

    submission.refresh_from_db()
    assert submission.status == Submission.Status.AWAITING_INSTRUCTOR


@pytest.mark.django_db
def test_one_cannot_review_ones_own_work(course_site, enrolled):
    submission = hand_in(enrolled, course_site)

    with pytest.raises(NotAllowed):
        review(enrolled, submission)

    assert not PeerReview.objects.exists()


@pytest.mark.django_db
def test_a_second_review_of_the_same_work_is_refused(course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    reviewer = classmate(course_site, "a@example.cm")
    review(reviewer, submission)

    with pytest.raises(NotAllowed):
        review(reviewer, submission, comment="Encore")

    assert PeerReview.objects.count() == 1


@pytest.mark.django_db
def test_student_of_another_course_cannot_review(course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    outsider = make_person("outsider@example.cm")

    with pytest.raises(NotEnrolled):
        review(outsider, submission)


@pytest.mark.django_db
def test_peer_feedback_is_shown_only_after_giving_two_reviews(client, course_site, enrolled):
    mine = hand_in(enrolled, course_site)
    first, second = classmate(course_site, "a@example.cm"), classmate(course_site, "b@example.cm")
    review(first, mine, comment="Très joli dégradé")
    client.force_login(enrolled)
    page = client.get(f"/fr/learn/work/{mine.pk}/").content.decode()
    assert "Très joli dégradé" not in page

    review(enrolled, hand_in(first, course_site))
    review(enrolled, hand_in(second, course_site))

    page = client.get(f"/fr/learn/work/{mine.pk}/").content.decode()
    assert "Très joli dégradé" in page


@pytest.mark.django_db
def test_reviews_through_the_web_are_anonymous(client, course_site, enrolled):
    submission = hand_in(enrolled, course_site, note="Ma note")
    reviewer = classmate(course_site, "a@example.cm")
    client.force_login(reviewer)

    queue = client.get("/fr/learn/reviews/").content.decode()
    form = client.get(f"/fr/learn/reviews/{submission.pk}/").content.decode()
    criterion = lesson_criteria(submission)
    done = client.post(
        f"/fr/learn/reviews/{submission.pk}/", {f"score-{criterion}": "5", "comment": "Bien"}
    )

    assert "Pratique" in queue
    assert "Ma note" in form and "linda@example.cm" not in form and "Test Person" not in form
    assert done.status_code == 302
    assert PeerReview.objects.get().scores == {criterion: 5}


@pytest.mark.django_db
def test_work_waiting_three_days_goes_to_the_instructor(course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=timezone.now() - timedelta(days=3, minutes=1)
    )
    fresh = hand_in(classmate(course_site, "a@example.cm"), course_site)

    from enrolment.tasks import escalate_waiting_submissions

    assert escalate_waiting_submissions.delay().get() == 1
    submission.refresh_from_db()
    fresh.refresh_from_db()
    assert submission.status == Submission.Status.AWAITING_INSTRUCTOR
    assert fresh.status == Submission.Status.AWAITING_PEERS


@pytest.mark.django_db
def test_instructor_asks_for_another_try_and_the_student_resubmits(client, course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    client.force_login(course_site["teacher"])

    client.post(
        f"/fr/teach/work/{submission.pk}/", {"verdict": "retry", "comment": "Estompez mieux"}
    )

    submission.refresh_from_db()
    assert submission.status == Submission.Status.NEEDS_WORK
    client.force_login(enrolled)
    assert "Estompez mieux" in client.get(f"/fr/learn/work/{submission.pk}/").content.decode()
    hand_in(enrolled, course_site)
    assert Submission.objects.count() == 2


@pytest.mark.django_db
def test_other_instructor_cannot_decide(client, course_site, enrolled):
    submission = hand_in(enrolled, course_site)
    client.force_login(course_site["other_teacher"])

    response = client.post(f"/fr/teach/work/{submission.pk}/", {"verdict": "accept"})

    assert response.status_code == 404
    submission.refresh_from_db()
    assert submission.status == Submission.Status.AWAITING_PEERS


@pytest.mark.django_db
def test_handing_in_twice_while_waiting_is_refused(course_site, enrolled):
    hand_in(enrolled, course_site)

    with pytest.raises(NotAllowed):
        hand_in(enrolled, course_site)
