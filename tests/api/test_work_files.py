"""Practice work's photos and prepared videos through the API, opened with a phone app's
session token by those the pages let see them, role by role: the author, a classmate the
peer-review rule lets review it, the course's instructor and a moderator; not found for
another instructor and a stranger, 401 without a token; problems in French and English."""

import pytest

from enrolment import services as learning
from enrolment.models import SubmissionVideo

from ..enrolment.conftest import photo_upload
from ..shared_build import built_once_per_module
from .conftest import (
    MP4_BYTES,
    POSTER_BYTES,
    app_client,
    assert_problem,
    build_work_world,
    prepared_video,
)

pytestmark = pytest.mark.django_db

world = built_once_per_module(build_work_world, "world")

# Who may open the work's files (the pages' rule), by e-mail address.
ALLOWED = {
    "author": "student@example.cm",
    "classmate": "other.student@example.cm",  # enrolled: may review it while it waits
    "instructor": "aicha@example.cm",
    "moderator": "moderator@example.cm",
}
REFUSED = {
    "other_instructor": "fanta@example.cm",
    "stranger": "outsider@example.cm",
}


def _hand_in(world):
    lesson = world["work_lesson"]
    assignment = learning.lesson_blocks.assignments(lesson)[0]
    return learning.submit_assignment(
        user=world["student"],
        lesson=lesson,
        assignment_id=assignment.id,
        note="",
        uploads=[photo_upload()],
    )


@pytest.fixture
def work(world):
    submission = _hand_in(world)
    return {"submission": submission, "photo": submission.photos.get()}


def _body(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("who", list(ALLOWED))
def test_those_who_may_see_the_work_open_its_photo_with_their_token(world, work, who):
    response = app_client(ALLOWED[who]).get(f"/api/v1/work-photos/{work['photo'].pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "private, max-age=86400"
    assert "ETag" not in response  # a file, not a JSON answer to hash
    assert _body(response)[:4] == b"RIFF"


@pytest.mark.parametrize("who", list(REFUSED))
def test_anybody_else_finds_no_photo(world, work, who):
    caller = app_client(REFUSED[who])

    assert_problem(caller.get(f"/api/v1/work-photos/{work['photo'].pk}/"), 404)
    assert_problem(caller.get("/api/v1/work-photos/999999/"), 404)


def test_without_a_token_it_asks_to_sign_in_in_french_or_english(api, world, work):
    url = f"/api/v1/work-photos/{work['photo'].pk}/"

    french = assert_problem(api.get(url), 401)
    english = assert_problem(api.get(url, HTTP_ACCEPT_LANGUAGE="en"), 401)

    assert english["detail"] == "Authentication credentials were not provided."
    assert french["detail"] != english["detail"]


def test_refusals_are_problems_in_french_or_english(world, work):
    stranger = app_client(REFUSED["stranger"])
    url = f"/api/v1/work-photos/{work['photo'].pk}/"

    french = assert_problem(stranger.get(url), 404)
    english = assert_problem(stranger.get(url, HTTP_ACCEPT_LANGUAGE="en"), 404)

    assert english["title"] == "Not found"
    assert french["title"] != english["title"]


def test_the_work_lists_give_the_api_addresses_which_open_with_the_token(world, work):
    video = prepared_video(work["submission"])
    author = app_client(ALLOWED["author"])

    [shown] = author.get("/api/v1/me/work/").json()["results"]

    photo_url = shown["photos"][0]["url"]
    assert photo_url == f"http://testserver/api/v1/work-photos/{work['photo'].pk}/"
    assert shown["video"]["url"] == f"http://testserver/api/v1/work-videos/{video.pk}/mp4/"
    assert (
        shown["video"]["poster_url"] == f"http://testserver/api/v1/work-videos/{video.pk}/poster/"
    )
    assert author.get(photo_url).status_code == 200
    assert _body(author.get(shown["video"]["url"])) == MP4_BYTES
    [waiting] = app_client(ALLOWED["instructor"]).get("/api/v1/teaching/work/").json()["results"]
    assert waiting["photos"][0]["url"] == photo_url


@pytest.mark.parametrize("who", list(ALLOWED))
def test_those_who_may_see_the_work_play_its_video_and_poster(world, work, who):
    video = prepared_video(work["submission"])
    caller = app_client(ALLOWED[who])

    film = caller.get(f"/api/v1/work-videos/{video.pk}/mp4/")
    poster = caller.get(f"/api/v1/work-videos/{video.pk}/poster/")

    assert (film.status_code, film["Content-Type"]) == (200, "video/mp4")
    assert film["Accept-Ranges"] == "bytes"
    assert _body(film) == MP4_BYTES
    assert (poster.status_code, poster["Content-Type"]) == (200, "image/webp")
    assert _body(poster) == POSTER_BYTES


def test_the_phone_seeks_in_the_video_by_byte_ranges(world, work):
    video = prepared_video(work["submission"])
    author = app_client(ALLOWED["author"])
    url = f"/api/v1/work-videos/{video.pk}/mp4/"

    part = author.get(url, HTTP_RANGE="bytes=100-199")
    beyond = author.get(url, HTTP_RANGE=f"bytes={len(MP4_BYTES)}-")

    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(MP4_BYTES)}"
    assert _body(part) == MP4_BYTES[100:200]
    assert beyond.status_code == 416


@pytest.mark.parametrize("who", list(REFUSED))
def test_anybody_else_finds_no_video(world, work, who):
    video = prepared_video(work["submission"])
    caller = app_client(REFUSED[who])

    for part in ("mp4", "poster"):
        assert_problem(caller.get(f"/api/v1/work-videos/{video.pk}/{part}/"), 404)


def test_a_video_not_prepared_unknown_parts_and_no_token(api, world, work):
    waiting = SubmissionVideo.objects.create(submission=work["submission"], duration_seconds=12)
    author = app_client(ALLOWED["author"])

    assert_problem(author.get(f"/api/v1/work-videos/{waiting.pk}/mp4/"), 404)
    waiting.delete()
    video = prepared_video(work["submission"])
    assert_problem(author.get(f"/api/v1/work-videos/{video.pk}/original/"), 404)
    assert_problem(author.get("/api/v1/work-videos/999999/mp4/"), 404)
    assert_problem(api.get(f"/api/v1/work-videos/{video.pk}/mp4/"), 401)


def test_a_hidden_video_opens_to_moderators_only(world, work):
    video = prepared_video(work["submission"], visibility=SubmissionVideo.Visibility.WAITING)
    url = f"/api/v1/work-videos/{video.pk}/poster/"

    assert app_client(ALLOWED["moderator"]).get(url).status_code == 200
    for who in ("author", "classmate", "instructor"):
        assert_problem(app_client(ALLOWED[who]).get(url), 404)
