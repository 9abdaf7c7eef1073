"""Practice work through the API (multipart), with the lesson page's service and photo
checks: hand it in, follow it; role by role, nobody else's work found, and bad uploads
that change nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.sample_video import ffmpeg_available
from enrolment.models import Submission, SubmissionPhoto, SubmissionVideo

from ..enrolment.conftest import photo_upload
from ..shared_build import built_once_per_module
from .conftest import app_client, assert_problem, build_work_world

pytestmark = pytest.mark.django_db

world = built_once_per_module(build_work_world, "world")


def _url(world):
    return f"/api/v1/lessons/{world['work_lesson'].pk}/work/"


def _assignment(client, world):
    lesson = client.get(f"/api/v1/lessons/{world['work_lesson'].pk}/").json()
    return lesson["assignments"][0]


def _hand_in(client, world, **fields):
    body = {"assignment": _assignment(client, world)["id"], "photos": [photo_upload()], **fields}
    return client.post(_url(world), body)


def _stored():
    return Submission.objects.count(), SubmissionPhoto.objects.count()


# --- The enrolled student ----------------------------------------------------------------


def test_the_lesson_says_what_practice_work_it_asks_for(student_api, world):
    assignment = _assignment(student_api, world)

    assert (assignment["title"], assignment["photos_required"]) == ("Maquillage complet", 1)
    assert [c["name"] for c in assignment["criteria"]] == ["Teint uniforme"]


def test_student_hands_in_two_photos_and_follows_her_work(student_api, world):
    response = _hand_in(
        student_api,
        world,
        note="Lumière du jour",
        photos=[photo_upload("one.jpg"), photo_upload("two.png", fmt="PNG", size=(2400, 1200))],
    )

    assert response.status_code == 201, response.content
    work = response.json()
    assert (work["status"], work["note"], work["lesson"]["title"]) == (
        "peers",
        "Lumière du jour",
        "Pratique teint",
    )
    # Stored as the page stores them: WebP, at most 1600 px a side.
    assert [(p["width"], p["height"]) for p in work["photos"]] == [(800, 600), (1600, 800)]
    assert SubmissionPhoto.objects.first().image.name.endswith(".webp")
    listed = student_api.get("/api/v1/me/work/").json()["results"]
    assert [w["id"] for w in listed] == [work["id"]]
    assert student_api.get(f"/api/v1/me/work/{work['id']}/").json() == work


def test_work_already_handed_in_is_not_handed_in_twice(student_api, world):
    _hand_in(student_api, world)
    before = _stored()

    body = assert_problem(_hand_in(student_api, world), 403)

    assert body["detail"] == "Votre exercice pratique est déjà rendu ou accepté."
    assert _stored() == before


# --- Role by role ------------------------------------------------------------------------


def test_anonymous_caller_must_sign_in(api, world):
    assert_problem(api.post(_url(world), {"assignment": "x", "photos": [photo_upload()]}), 401)
    assert_problem(api.get("/api/v1/me/work/"), 401)
    assert _stored() == (0, 0)


def test_student_not_enrolled_may_not_hand_in(student_api, world):
    outsider = app_client("outsider@example.cm")
    assignment = _assignment(student_api, world)["id"]

    body = assert_problem(
        outsider.post(_url(world), {"assignment": assignment, "photos": [photo_upload()]}), 403
    )

    assert body["detail"]
    assert _stored() == (0, 0)


def test_someone_elses_work_is_not_found(student_api, world):
    work = _hand_in(student_api, world).json()

    for email in ("other.student@example.cm", "outsider@example.cm"):
        caller = app_client(email)
        assert_problem(caller.get(f"/api/v1/me/work/{work['id']}/"), 404)
        assert caller.get("/api/v1/me/work/").json()["results"] == []


# --- Bad uploads -------------------------------------------------------------------------


def _not_a_photo():
    return SimpleUploadedFile("notes.jpg", b"this is no photo", content_type="image/jpeg")


def _too_large_photo():
    return SimpleUploadedFile("huge.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"photos": "NOT_A_PHOTO"}, "photos"),
        ({"photos": "TOO_LARGE"}, "photos"),
        ({"photos": "SIX"}, "photos"),
        ({"photos": []}, "photos"),
        ({"photos": "TEXT"}, "photos"),
        ({"assignment": "no-such-work"}, "photos"),
        ({"assignment": ""}, "assignment"),
        ({"note": "n" * 2001}, "note"),
        ({"grade": "A"}, "grade"),
    ],
)
def test_bad_uploads_change_nothing(student_api, world, fields, field):
    made = {
        "NOT_A_PHOTO": lambda: [_not_a_photo()],
        "TOO_LARGE": lambda: [_too_large_photo()],
        "SIX": lambda: [photo_upload(f"{n}.jpg") for n in range(6)],
        "TEXT": lambda: "a photo, promise",
    }
    photos = fields.get("photos")
    if isinstance(photos, str):
        fields = {**fields, "photos": made[photos]()}

    problem = assert_problem(_hand_in(student_api, world, **fields), 400)

    assert field in problem["errors"]
    assert _stored() == (0, 0)


def test_the_photo_checks_say_why(student_api, world):
    body = assert_problem(_hand_in(student_api, world, photos=[_too_large_photo()]), 400)

    assert body["errors"]["photos"] == [
        "«\u00a0huge.jpg\u00a0» dépasse 10 Mo. Envoyez une photo plus légère."
    ]


def test_json_or_oversized_bodies_are_refused_unread(student_api, world):
    assignment = _assignment(student_api, world)["id"]

    assert_problem(
        student_api.post(_url(world), {"assignment": assignment}, content_type="application/json"),
        415,
    )
    announced = student_api.post(
        _url(world),
        {"assignment": assignment, "photos": [photo_upload()]},
        CONTENT_LENGTH=str(120 * 1024 * 1024),
    )
    assert_problem(announced, 413)
    assert _stored() == (0, 0)


# --- A short video, with or instead of photos ---------------------------------------------


def _clip(tmp_path):
    from core.sample_video import make_sample_video

    path = make_sample_video(tmp_path / "clip.mp4", seconds=2, width=160, height=120)
    return SimpleUploadedFile("VID_0001.mp4", path.read_bytes(), "video/mp4")


@pytest.mark.skipif(not ffmpeg_available(), reason="FFmpeg is not installed")
def test_student_hands_in_a_video_instead_of_photos(student_api, world, tmp_path):
    response = _hand_in(student_api, world, photos=[], video=_clip(tmp_path))

    assert response.status_code == 201, response.content
    work = response.json()
    assert work["photos"] == []
    assert (work["video"]["state"], work["video"]["duration_seconds"]) == ("processing", 2)
    assert work["video"]["url"] is None  # not served until the task has prepared it
    assert SubmissionVideo.objects.count() == 1


@pytest.mark.skipif(not ffmpeg_available(), reason="FFmpeg is not installed")
def test_a_file_that_is_not_a_video_is_refused_and_nothing_is_stored(student_api, world):
    text = SimpleUploadedFile("clip.mp4", b"Bonjour, pas une video.\n" * 40, "video/mp4")

    body = assert_problem(_hand_in(student_api, world, video=text), 400)

    assert body["errors"]["video"] == [
        "Nous ne pouvons pas lire ce fichier vidéo. Envoyez une vidéo MP4, MOV, WebM, 3GP ou MKV."
    ]
    assert _stored() == (0, 0) and SubmissionVideo.objects.count() == 0
