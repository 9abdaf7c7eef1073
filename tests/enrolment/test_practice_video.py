"""A short video handed in as practice work: checked by its content, prepared by a real
FFmpeg task into a small MP4 and poster, shown to those who may see the work, and
hidden by moderators after reports."""

import html
import json
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from community.models import ModerationCase
from core.private_storage import private_storage
from core.sample_video import ffmpeg_available, make_sample_video
from enrolment import practice_video, services
from enrolment.models import Submission, SubmissionPhoto, SubmissionVideo

from ..conftest import make_person
from .conftest import lesson, photo_upload

pytestmark = pytest.mark.skipif(not ffmpeg_available(), reason="FFmpeg is not installed")


@pytest.fixture(scope="module")
def clip_bytes(tmp_path_factory):
    """A 2-second 160×120 H.264/AAC clip, made once for the module."""
    path = tmp_path_factory.mktemp("clips") / "clip.mp4"
    make_sample_video(path, seconds=2, width=160, height=120)
    return path.read_bytes()


@pytest.fixture
def clip(clip_bytes):
    return lambda name="VID_0001.mp4": SimpleUploadedFile(name, clip_bytes, "video/mp4")


def hand_in_url(site):
    work = site["work"]
    return f"/{{lang}}/learn/lesson/{work.pk}/work/{work.body[0].id}/"


def hand_in(user, site, *, video, uploads=()):
    work = lesson(site["work"])
    return services.submit_assignment(
        user=user,
        lesson=work,
        assignment_id=work.body[0].id,
        note="",
        uploads=list(uploads),
        video=video,
    )


def prepared(user, site, clip, django_capture_on_commit_callbacks, **kwargs):
    """Hand in a video and run the after-commit work (the real FFmpeg task, eagerly)."""
    with django_capture_on_commit_callbacks(execute=True):
        submission = hand_in(user, site, video=clip(), **kwargs)
    return SubmissionVideo.objects.get(submission=submission)


def stored_files():
    folders, files = private_storage().listdir("")
    found = set(files)
    pending = list(folders)
    while pending:
        folder = pending.pop()
        inner_folders, inner_files = private_storage().listdir(folder)
        found.update(f"{folder}/{name}" for name in inner_files)
        pending.extend(f"{folder}/{name}" for name in inner_folders)
    return found


def ffprobe(path):
    completed = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return json.loads(completed.stdout)


@pytest.mark.django_db
def test_a_video_instead_of_photos_becomes_a_small_h264_aac_mp4_with_a_poster(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    # Files other tests of this process left (their tasks never ran) are not this one's.
    files_before = stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(hand_in_url(course_site).format(lang="fr"), {"video": clip()})

    assert response.status_code == 302
    video = SubmissionVideo.objects.get()
    assert video.state == SubmissionVideo.State.READY
    assert not video.submission.photos.exists()
    info = ffprobe(video.file.path)
    assert "mp4" in info["format"]["format_name"]
    codecs = {s["codec_type"]: s for s in info["streams"]}
    assert codecs["video"]["codec_name"] == "h264" and codecs["audio"]["codec_name"] == "aac"
    assert min(codecs["video"]["width"], codecs["video"]["height"]) <= 480
    assert (video.width, video.height) == (160, 120)
    assert 1.5 < float(info["format"]["duration"]) < 2.5
    assert 0 < video.size_bytes == video.file.size < 300 * 1024
    assert ffprobe(video.poster.path)["streams"][0]["codec_name"] == "webp"
    # The student's original is never served and is not kept.
    new_files = stored_files() - files_before
    assert not video.original and all("practice-upload" not in name for name in new_files)


@pytest.mark.django_db
def test_photos_and_a_video_can_be_handed_in_together(
    course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(
        enrolled, course_site, clip, django_capture_on_commit_callbacks, uploads=[photo_upload()]
    )

    assert video.submission.photos.count() == 1 and video.is_ready


@pytest.mark.parametrize(
    ("lang", "waiting"), [("fr", "Vidéo en cours de préparation"), ("en", "Video being prepared")]
)
@pytest.mark.django_db
def test_until_the_task_has_run_the_work_says_video_being_prepared(
    client, course_site, enrolled, clip, lang, waiting
):
    client.force_login(enrolled)
    client.post(hand_in_url(course_site).format(lang=lang), {"video": clip()})
    submission = Submission.objects.get()

    page = client.get(f"/{lang}/learn/work/{submission.pk}/")

    assert waiting in html.unescape(page.content.decode())
    assert SubmissionVideo.objects.get().state == SubmissionVideo.State.PROCESSING
    video = SubmissionVideo.objects.get()
    assert client.get(f"/{lang}/learn/video/{video.pk}/mp4/").status_code == 404


def not_a_video():
    return SimpleUploadedFile("clip.mp4", b"Bonjour, ceci est un texte.\n" * 40, "video/mp4")


def too_big():
    # Random bytes: the size is refused before anything reads them.
    return SimpleUploadedFile("long.mp4", b"\0" * (25 * 1024 * 1024 + 1), "video/mp4")


@pytest.mark.parametrize(
    ("lang", "upload", "message"),
    [
        ("fr", not_a_video, "Nous ne pouvons pas lire ce fichier vidéo"),
        ("en", not_a_video, "This file is not a video we can read"),
        ("fr", too_big, "Une vidéo peut faire 25 Mo au plus"),
        ("en", too_big, "A video can be 25 MB at most"),
    ],
)
@pytest.mark.django_db
def test_a_bad_video_is_refused_with_a_clear_message_and_nothing_is_stored(
    client, course_site, enrolled, lang, upload, message
):
    client.force_login(enrolled)
    before = stored_files()

    response = client.post(
        hand_in_url(course_site).format(lang=lang),
        {"video": upload(), "photos": [photo_upload()]},
        follow=True,
    )

    assert message in html.unescape(response.content.decode())
    assert Submission.objects.count() == 0
    assert SubmissionPhoto.objects.count() == 0 and SubmissionVideo.objects.count() == 0
    assert stored_files() == before


@pytest.mark.parametrize(
    ("lang", "message"),
    [("fr", "Une vidéo peut durer 1 minute au plus"), ("en", "A video can be 1 minute at most")],
)
@pytest.mark.django_db
def test_a_video_over_a_minute_is_refused(client, course_site, enrolled, tmp_path, lang, message):
    path = tmp_path / "long.mp4"
    make_sample_video(path, seconds=62, width=32, height=24)
    client.force_login(enrolled)
    before = stored_files()

    response = client.post(
        hand_in_url(course_site).format(lang=lang),
        {"video": SimpleUploadedFile("long.mp4", path.read_bytes(), "video/mp4")},
        follow=True,
    )

    assert message in html.unescape(response.content.decode())
    assert Submission.objects.count() == 0 and SubmissionVideo.objects.count() == 0
    assert stored_files() == before


@pytest.mark.django_db
def test_without_photos_or_video_the_photos_are_asked_for(client, course_site, enrolled):
    client.force_login(enrolled)

    response = client.post(hand_in_url(course_site).format(lang="fr"), {}, follow=True)

    assert "Rendez entre 1 et 5 photos" in html.unescape(response.content.decode())
    assert Submission.objects.count() == 0


@pytest.mark.django_db
def test_hand_ins_are_rate_limited_per_person(client, course_site, enrolled, settings):
    settings.RATELIMIT_PRACTICE_WORK = "2/h"
    client.force_login(enrolled)
    url = hand_in_url(course_site).format(lang="en")

    answers = [client.post(url, {"video": not_a_video()}).status_code for _ in range(3)]

    assert answers == [302, 302, 429]
    assert SubmissionVideo.objects.count() == 0


@pytest.mark.django_db
def test_the_task_does_nothing_the_second_time(
    course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)

    assert practice_video.prepare(video.pk) == "nothing to do"
    video.refresh_from_db()
    assert video.is_ready and video.file.storage.exists(video.file.name)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.django_db
def test_the_instructor_watches_on_demand_and_grades_on_the_rubric(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks, lang
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    client.force_login(course_site["teacher"])

    page = client.get(f"/{lang}/teach/work/{video.submission_id}/")

    body = page.content.decode()
    assert page.status_code == 200
    assert 'preload="none"' in body
    assert f'poster="/{lang}/learn/video/{video.pk}/poster/"' in body
    assert f'src="/{lang}/learn/video/{video.pk}/mp4/" type="video/mp4"' in body
    criterion = lesson(course_site["work"]).body[0].value["rubric"][0].id
    client.post(
        f"/{lang}/teach/work/{video.submission_id}/",
        {"verdict": "accept", f"score-{criterion}": "4", "comment": "Beau geste."},
    )
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.ACCEPTED
    assert submission.verdict_scores == {criterion: 4}


@pytest.mark.django_db
def test_only_those_who_may_see_the_work_fetch_the_video(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    outsider = make_person("outsider@example.cm", is_student=True)
    moderator = make_person("modo@example.cm", groups=["Moderators"])
    urls = [f"/fr/learn/video/{video.pk}/mp4/", f"/fr/learn/video/{video.pk}/poster/"]

    def statuses(person):
        client.logout()
        if person is not None:
            client.force_login(person)
        return [client.get(url).status_code for url in urls]

    assert statuses(enrolled) == [200, 200]
    assert statuses(course_site["teacher"]) == [200, 200]
    assert statuses(moderator) == [200, 200]
    assert statuses(course_site["other_teacher"]) == [404, 404]
    assert statuses(outsider) == [404, 404]
    assert statuses(None) == [404, 404]
    client.force_login(enrolled)
    ranged = client.get(urls[0], HTTP_RANGE="bytes=0-99")
    assert ranged.status_code == 206 and ranged["Content-Type"] == "video/mp4"
    assert client.get(f"/fr/learn/video/{video.pk}/original/").status_code == 404


@override_settings(COMMUNITY_REPORTS_TO_HIDE=1)
@pytest.mark.django_db
def test_a_reported_video_is_hidden_and_a_moderator_hides_it_for_good(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    classmate = make_person("ama@example.cm", is_student=True)
    services.enrol(user=classmate, course=course_site["course"])
    moderator = make_person("modo@example.cm", groups=["Moderators"], is_staff=True)
    client.force_login(classmate)

    response = client.post(
        f"/fr/groups/report/practice_video/{video.pk}/", {"reason": "abuse"}, follow=True
    )

    assert response.status_code == 200
    video.refresh_from_db()
    assert video.visibility == SubmissionVideo.Visibility.WAITING
    client.force_login(course_site["teacher"])
    assert client.get(f"/fr/learn/video/{video.pk}/mp4/").status_code == 404
    page = client.get(f"/en/teach/work/{video.submission_id}/").content.decode()
    assert "This video is hidden by a moderator." in page and "<video" not in page

    # The moderator finds it in the one queue of the admin, looks at its poster, hides it.
    client.force_login(moderator)
    case = ModerationCase.objects.get()
    assert "Pratique" in client.get("/admin/community-reports/").text
    detail = client.get(f"/admin/community-reports/{case.pk}/").text
    assert f"/learn/video/{video.pk}/poster/" in detail
    client.post(f"/admin/community-reports/{case.pk}/", {"decision": "remove"})

    video.refresh_from_db()
    assert video.visibility == SubmissionVideo.Visibility.REMOVED
    client.force_login(moderator)
    assert client.get(f"/fr/learn/video/{video.pk}/mp4/").status_code == 200
    client.force_login(enrolled)
    assert client.get(f"/fr/learn/video/{video.pk}/mp4/").status_code == 404


@pytest.mark.django_db
def test_the_author_cannot_report_her_own_video(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    client.force_login(enrolled)

    response = client.post(f"/en/groups/report/practice_video/{video.pk}/", {"reason": "abuse"})

    assert "You can&#x27;t report what you posted yourself." in response.content.decode()
    assert not ModerationCase.objects.exists()


@pytest.mark.django_db
def test_a_video_ffmpeg_cannot_convert_is_marked_and_says_so(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks, monkeypatch
):
    # Unit test of the failure path: FFmpeg is made to fail on this one conversion.
    def broken(*args, **kwargs):
        raise practice_video.VideoProcessingError("damaged")

    monkeypatch.setattr(practice_video.video_processing, "transcode", broken)
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    client.force_login(course_site["teacher"])

    page = client.get(f"/fr/teach/work/{video.submission_id}/")

    assert video.state == SubmissionVideo.State.FAILED and not video.file
    assert "Cette vidéo n'a pas pu être préparée" in html.unescape(page.content.decode())
    assert client.get(f"/fr/learn/video/{video.pk}/mp4/").status_code == 404


@pytest.mark.django_db
def test_a_classmate_who_may_review_the_work_sees_its_video_as_its_photos(
    client, course_site, enrolled, clip, django_capture_on_commit_callbacks
):
    video = prepared(enrolled, course_site, clip, django_capture_on_commit_callbacks)
    classmate = make_person("ama@example.cm", is_student=True)
    services.enrol(user=classmate, course=course_site["course"])
    client.force_login(classmate)

    review_page = client.get(f"/fr/learn/reviews/{video.submission_id}/").content.decode()

    assert f'src="/fr/learn/video/{video.pk}/mp4/"' in review_page
    assert client.get(f"/fr/learn/video/{video.pk}/mp4/").status_code == 200
