"""Lesson videos from upload to data-saver files: real FFmpeg on a generated sample."""

import json
import os
import subprocess

import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from accounts.models import INSTRUCTORS_GROUP
from core import video_processing
from course_pages import tasks, video_services
from course_pages.models import LessonVideo
from course_pages.tasks import transcode_video

from ..conftest import make_person

SAMPLE_SECONDS = 4
MB = 1_000_000


@pytest.fixture(scope="module")
def sample_video(tmp_path_factory):
    from demo.sample_media import make_sample_video

    return make_sample_video(tmp_path_factory.mktemp("video") / "lecon.mp4", seconds=SAMPLE_SECONDS)


@pytest.fixture
def boss(db):
    """A superuser whose admin is in English, so messages read the same once French exists."""
    person = make_person("boss@example.cm", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


def register(path, *, title="Préparer la peau", uploaded_by=None, name="lecon.mp4"):
    with open(path, "rb") as handle:
        return video_services.register_upload(
            title=title, original=File(handle, name=name), uploaded_by=uploaded_by
        )


def ffprobe(field_file):
    completed = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            field_file.path,
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    info = json.loads(completed.stdout)
    picture = next(s for s in info["streams"] if s["codec_type"] == "video")
    return info["format"], picture


def top_level_atoms(path):
    atoms = []
    with open(path, "rb") as handle:
        while header := handle.read(8):
            size, kind = int.from_bytes(header[:4], "big"), header[4:].decode("latin-1")
            atoms.append(kind)
            handle.seek(size - 8, os.SEEK_CUR)
    return atoms


def url(name, *args):
    return reverse(LessonVideo.snippet_viewset.get_url_name(name), args=args)


@pytest.mark.django_db
def test_an_upload_becomes_a_light_360p_an_hd_720p_and_a_poster(
    sample_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        video = register(sample_video)
    assert len(callbacks) == 1

    video.refresh_from_db()
    assert video.status == LessonVideo.Status.READY, video.failure_reason
    assert video.duration_seconds == SAMPLE_SECONDS

    container, picture = ffprobe(video.file_360)
    bitrate = int(container["bit_rate"])
    assert picture["height"] == 360 and picture["codec_name"] == "h264"
    assert bitrate <= 350_000
    assert video.size_360 == video.file_360.size
    assert video.size_360 / float(container["duration"]) * 60 <= 2.5 * MB

    container, picture = ffprobe(video.file_720)
    assert picture["height"] == 720
    assert int(container["bit_rate"]) <= 1_400_000
    assert video.size_720 == video.file_720.size > video.size_360

    with video.poster.open("rb") as poster:
        header = poster.read(12)
    assert header[:4] == b"RIFF" and header[8:12] == b"WEBP"


@pytest.mark.django_db
def test_a_phone_can_start_the_data_saver_file_before_it_has_all_of_it(
    sample_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        video = register(sample_video)
    video.refresh_from_db()

    atoms = top_level_atoms(video.file_360.path)

    assert atoms.index("moov") < atoms.index("mdat")


@pytest.mark.django_db
def test_running_the_task_again_on_a_ready_video_does_nothing(
    sample_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        video = register(sample_video)
    before = LessonVideo.objects.values().get(pk=video.pk)

    assert transcode_video.delay(video.pk).get() == "nothing to do"

    assert LessonVideo.objects.values().get(pk=video.pk) == before


@pytest.mark.django_db
def test_a_video_another_worker_is_processing_is_left_alone(db):
    video = LessonVideo.objects.create(
        title="En cours",
        original=ContentFile(b"whatever", name="lecon.mp4"),
        status=LessonVideo.Status.PROCESSING,
    )

    assert transcode_video(video.pk) == "nothing to do"

    video.refresh_from_db()
    assert video.status == LessonVideo.Status.PROCESSING


@pytest.mark.django_db
def test_a_corrupt_file_fails_with_a_reason_and_retry_queues_it_again(
    tmp_path, django_capture_on_commit_callbacks
):
    corrupt = tmp_path / "abimee.mp4"
    corrupt.write_bytes(os.urandom(50_000))
    with django_capture_on_commit_callbacks(execute=True):
        video = register(corrupt)
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.FAILED
    assert video.failure_reason
    assert not video.file_360 and not video.poster

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        video_services.retry_video(video)
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.PENDING
    assert video.failure_reason == ""
    assert len(callbacks) == 1

    callbacks[0]()  # the worker picks it up: the file is still damaged
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.FAILED
    assert video.failure_reason


@pytest.mark.django_db
def test_retry_after_a_passing_problem_ends_ready(
    sample_video, monkeypatch, django_capture_on_commit_callbacks
):
    real_transcode = video_processing.transcode

    def worker_ran_out_of_time(*args, **kwargs):
        raise video_processing.VideoProcessingError("Processing this video took too long.")

    monkeypatch.setattr(video_processing, "transcode", worker_ran_out_of_time)
    with django_capture_on_commit_callbacks(execute=True):
        video = register(sample_video)
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.FAILED

    monkeypatch.setattr(video_processing, "transcode", real_transcode)
    with django_capture_on_commit_callbacks(execute=True):
        video_services.retry_video(video)

    video.refresh_from_db()
    assert video.status == LessonVideo.Status.READY
    assert video.failure_reason == ""


@pytest.mark.django_db
def test_only_a_failed_video_can_be_retried(db):
    video = LessonVideo.objects.create(
        title="Prête", original=ContentFile(b"x", name="lecon.mp4"), status="ready"
    )

    with pytest.raises(video_services.VideoStateError):
        video_services.retry_video(video)


@pytest.mark.django_db
def test_the_failure_reason_is_written_in_the_uploaders_language(
    tmp_path, django_capture_on_commit_callbacks
):
    corrupt = tmp_path / "abimee.mp4"
    corrupt.write_bytes(os.urandom(5_000))
    english = make_person("awa@example.cm", preferred_language="en")

    with django_capture_on_commit_callbacks(execute=True):
        video = register(corrupt, uploaded_by=english)

    video.refresh_from_db()
    assert video.failure_reason.startswith("This file is not a video we can read")


@pytest.mark.django_db
def test_unexpected_errors_fail_the_video_instead_of_leaving_it_processing(
    sample_video, monkeypatch, django_capture_on_commit_callbacks
):
    def storage_down(*args, **kwargs):
        raise ConnectionError("bucket unreachable")

    monkeypatch.setattr(tasks, "_store", storage_down)
    with django_capture_on_commit_callbacks(execute=True):
        video = register(
            sample_video, uploaded_by=make_person("en@example.cm", preferred_language="en")
        )

    video.refresh_from_db()
    assert video.status == LessonVideo.Status.FAILED
    assert "Retry" in video.failure_reason


# --- The upload form in the admin.


def upload_form(client, upload, title="Poser le fond de teint", **headers):
    return client.post(url("add"), {"title": title, "original": upload}, headers=headers)


@pytest.mark.django_db
def test_uploading_a_video_saves_it_and_queues_the_transcode(
    client, boss, sample_video, django_capture_on_commit_callbacks
):
    client.force_login(boss)
    with open(sample_video, "rb") as handle:
        upload = SimpleUploadedFile("lecon.mp4", handle.read(), content_type="video/mp4")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload_form(client, upload)

    assert response.status_code == 302
    video = LessonVideo.objects.get()
    assert video.uploaded_by == boss
    assert len(callbacks) == 1
    assert video.status == LessonVideo.Status.READY


@pytest.mark.django_db
def test_the_progress_bar_upload_gets_a_short_answer_and_keeps_the_message(
    client, boss, sample_video, django_capture_on_commit_callbacks
):
    client.force_login(boss)
    with open(sample_video, "rb") as handle:
        upload = SimpleUploadedFile("lecon.mp4", handle.read(), content_type="video/mp4")

    with django_capture_on_commit_callbacks(execute=False):
        response = upload_form(client, upload, X_Upload_Progress="1")

    assert response.status_code == 200
    assert response.json() == {"redirect": url("list")}
    listing = client.get(url("list")).content.decode()
    assert "Poser le fond de teint&#x27; created" in listing


@pytest.mark.parametrize(
    ("name", "content_type", "content", "message"),
    [
        ("notes.txt", "text/plain", b"Cours de maquillage\n" * 200, "is not a video file"),
        ("lecon.mp4", "video/mp4", os.urandom(40_000), "is not a video we can read"),
        ("photo.mp4", "video/mp4", b"\x89PNG\r\n\x1a\n" + os.urandom(3_000), "video"),
    ],
)
@pytest.mark.django_db
def test_the_upload_form_refuses_what_is_not_a_video(
    client, boss, name, content_type, content, message, django_capture_on_commit_callbacks
):
    client.force_login(boss)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload_form(client, SimpleUploadedFile(name, content, content_type=content_type))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert LessonVideo.objects.count() == 0
    assert callbacks == []


@pytest.mark.django_db
def test_the_upload_form_refuses_a_file_over_the_size_limit(client, boss, sample_video, settings):
    settings.LESSON_VIDEO_MAX_UPLOAD_MB = 0.1
    client.force_login(boss)
    with open(sample_video, "rb") as handle:
        upload = SimpleUploadedFile("lecon.mp4", handle.read(), content_type="video/mp4")

    response = upload_form(client, upload)

    html = response.content.decode()
    assert response.status_code == 200
    assert "videos may be at most 0.1 MB" in html
    assert LessonVideo.objects.count() == 0


@pytest.mark.django_db
def test_only_the_video_forms_load_the_upload_progress_script(client, boss):
    client.force_login(boss)
    video = LessonVideo.objects.create(title="Vidéo", original=ContentFile(b"x", name="a.mp4"))

    assert "js/upload-progress.js" in client.get(url("add")).content.decode()
    assert "js/upload-progress.js" in client.get(url("edit", video.pk)).content.decode()
    assert "js/upload-progress.js" not in client.get(url("list")).content.decode()
    assert "js/upload-progress.js" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_a_failed_video_shows_its_reason_and_a_retry_button(client, boss):
    video = LessonVideo.objects.create(
        title="Ratée",
        original=ContentFile(b"x", name="a.mp4"),
        status=LessonVideo.Status.FAILED,
        failure_reason="This video could not be converted.",
    )
    client.force_login(boss)

    for page in (url("list"), url("edit", video.pk)):
        html = client.get(page).content.decode()
        assert "This video could not be converted." in html
        retry_form = html.split(f'action="{url("retry", video.pk)}"')[1].split("</form>")[0]
        assert 'name="csrfmiddlewaretoken"' in retry_form


@pytest.mark.django_db
def test_the_uploader_can_retry_from_the_admin_but_another_instructor_cannot(
    client, instructor, django_capture_on_commit_callbacks
):
    video = LessonVideo.objects.create(
        title="Ratée",
        original=ContentFile(b"x", name="a.mp4"),
        status=LessonVideo.Status.FAILED,
        failure_reason="Damaged.",
        uploaded_by=instructor,
    )
    other = make_person("autre@example.cm", groups=[INSTRUCTORS_GROUP])

    client.force_login(other)
    refused = client.post(url("retry", video.pk))
    # Wagtail turns PermissionDenied in the admin into a redirect home with a message.
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.FAILED

    client.force_login(instructor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url("retry", video.pk), {"next": url("list")})
    assert response.status_code == 302 and response.url == url("list")
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.PENDING
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_retry_is_a_post_only_action(client, boss):
    video = LessonVideo.objects.create(
        title="Ratée", original=ContentFile(b"x", name="a.mp4"), status="failed"
    )
    client.force_login(boss)

    assert client.get(url("retry", video.pk)).status_code == 405


@pytest.mark.django_db
def test_a_new_file_on_edit_starts_processing_again_and_drops_the_old_files(
    client, boss, sample_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        video = register(sample_video, uploaded_by=boss)
    video.refresh_from_db()
    old_files = [video.original.path, video.file_360.path, video.poster.path]
    client.force_login(boss)
    with open(sample_video, "rb") as handle:
        upload = SimpleUploadedFile("nouvelle.mp4", handle.read(), content_type="video/mp4")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("edit", video.pk), {"title": video.title, "original": upload})

    assert response.status_code == 302
    video.refresh_from_db()
    assert video.status == LessonVideo.Status.READY
    assert "nouvelle" in video.original.name
    assert not any(os.path.exists(path) for path in old_files)
    assert os.path.exists(video.file_360.path)


@pytest.mark.django_db
def test_deleting_a_video_in_the_admin_removes_its_files(
    client, boss, django_capture_on_commit_callbacks
):
    video = LessonVideo.objects.create(
        title="À jeter",
        original=ContentFile(b"original", name="a.mp4"),
        file_360=ContentFile(b"small", name="a-360p.mp4"),
        poster=ContentFile(b"poster", name="a-poster.webp"),
        status=LessonVideo.Status.READY,
    )
    paths = [video.original.path, video.file_360.path, video.poster.path]
    client.force_login(boss)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("delete", video.pk))

    assert response.status_code == 302
    assert not LessonVideo.objects.exists()
    assert not any(os.path.exists(path) for path in paths)
