"""Lesson video files behind the lesson's access rule, with byte ranges for phones."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils import translation

from course_pages.models import LessonVideo
from course_pages.templatetags.video_tags import megabytes, video_duration

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .builders import build_site, make_course, make_instructor, make_lesson

VIDEO_BYTES = bytes(range(256)) * 40  # 10 240 bytes, each position recognisable
POSTER_BYTES = b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(20)


def ready_video(title="Préparer la peau"):
    return LessonVideo.objects.create(
        title=title,
        original=ContentFile(VIDEO_BYTES, name="original.mp4"),
        status=LessonVideo.Status.READY,
        duration_seconds=245,
        file_360=ContentFile(VIDEO_BYTES, name="lecon-360p.mp4"),
        size_360=2_100_000,
        file_720=ContentFile(VIDEO_BYTES, name="lecon-720p.mp4"),
        size_720=8_400_000,
        poster=ContentFile(POSTER_BYTES, name="lecon-poster.webp"),
    )


def video_body(video, caption=""):
    return [("video", {"video": video, "caption": caption})]


def build_lesson_media_site():
    """The site with Aïcha's course, one ready video, a paid lesson and a free preview
    lesson showing it (built once per module: tests/shared_build.py)."""
    site = build_site()
    teacher, instructor_page = make_instructor("aicha@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], instructor_page)
    video = ready_video()
    lesson = make_lesson(course, video_body(video), title="Leçon payante", slug="lecon-payante")
    preview_lesson = make_lesson(
        course, video_body(video), is_preview=True, title="Leçon gratuite", slug="lecon-gratuite"
    )
    return {
        "teacher": teacher,
        "course": course,
        "video": video,
        "lesson": lesson,
        "preview_lesson": preview_lesson,
    }


media_site = built_once_per_module(build_lesson_media_site, "media_site")


@pytest.fixture
def course(media_site):
    course = media_site["course"]
    course.teacher = media_site["teacher"]
    return course


@pytest.fixture
def video(media_site):
    return media_site["video"]


@pytest.fixture
def lesson(media_site):
    return media_site["lesson"]


@pytest.fixture
def preview_lesson(media_site):
    return media_site["preview_lesson"]


def media_url(lesson, video, variant="360"):
    return reverse("course_media:video", args=[lesson.pk, video.pk, variant])


def not_found(client, url):
    # A plain 404: core.locale_middleware keeps the language redirect off machine URLs.
    return client.get(url).status_code == 404


def body_of(response):
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_range_request_gets_exactly_those_bytes(client, preview_lesson, video):
    response = client.get(media_url(preview_lesson, video), headers={"Range": "bytes=100-1123"})

    assert response.status_code == 206
    assert body_of(response) == VIDEO_BYTES[100:1124]
    assert response["Content-Range"] == f"bytes 100-1123/{len(VIDEO_BYTES)}"
    assert response["Content-Length"] == "1024"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert response["Cache-Control"].startswith("private")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=10000-", VIDEO_BYTES[10000:]),
        ("bytes=-40", VIDEO_BYTES[-40:]),
        ("bytes=10200-99999", VIDEO_BYTES[10200:]),
    ],
)
@pytest.mark.django_db
def test_open_and_suffix_ranges_are_served(client, preview_lesson, video, header, expected):
    response = client.get(media_url(preview_lesson, video), headers={"Range": header})

    assert response.status_code == 206
    assert body_of(response) == expected


@pytest.mark.django_db
def test_without_a_range_the_whole_file_is_streamed(client, preview_lesson, video):
    response = client.get(media_url(preview_lesson, video, "720"))

    assert response.status_code == 200
    assert response.streaming
    assert body_of(response) == VIDEO_BYTES
    assert response["Content-Length"] == str(len(VIDEO_BYTES))
    assert response["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize("header", ["bytes=20000-", "bytes=500-100", "bytes=-0", "bytes=abc"])
@pytest.mark.django_db
def test_a_range_outside_the_file_is_refused_with_416(client, preview_lesson, video, header):
    response = client.get(media_url(preview_lesson, video), headers={"Range": header})

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO_BYTES)}"


@pytest.mark.django_db
def test_the_poster_is_served_as_an_image(client, preview_lesson, video):
    response = client.get(media_url(preview_lesson, video, "poster"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert body_of(response) == POSTER_BYTES


@pytest.mark.django_db
def test_anonymous_visitor_of_a_paid_lesson_is_sent_to_log_in(client, lesson, video):
    response = client.get(media_url(lesson, video))

    assert response.status_code == 302
    assert "login" in response.url and "next=" in response.url


@pytest.mark.django_db
def test_a_student_who_is_not_enrolled_is_refused(client, lesson, video):
    client.force_login(make_person("stranger@example.cm", is_student=True))

    assert client.get(media_url(lesson, video)).status_code == 403


@pytest.mark.django_db
def test_an_instructor_of_another_course_is_refused(client, lesson, video):
    other, _ = make_instructor("autre@example.cm", index=lesson.get_parent().get_parent())
    client.force_login(other)

    assert client.get(media_url(lesson, video)).status_code == 403


@pytest.mark.django_db
def test_the_courses_instructor_and_a_moderator_may_watch(client, course, lesson, video, moderator):
    for person in (course.teacher, moderator):
        client.force_login(person)
        assert client.get(media_url(lesson, video)).status_code == 200


@pytest.mark.django_db
def test_anyone_may_watch_a_preview_lesson(client, preview_lesson, video):
    assert client.get(media_url(preview_lesson, video)).status_code == 200


@pytest.mark.django_db
def test_a_video_that_is_not_in_that_lesson_is_not_found(client, preview_lesson):
    elsewhere = ready_video("Ailleurs")

    assert not_found(client, media_url(preview_lesson, elsewhere))


@pytest.mark.django_db
def test_unknown_lessons_drafts_and_variants_are_not_found(client, course, preview_lesson, video):
    draft = make_lesson(
        course, video_body(video), is_preview=True, live=False, title="Brouillon", slug="brouillon"
    )

    assert not_found(client, media_url(draft, video))
    assert not_found(client, reverse("course_media:video", args=[999_999, video.pk, "360"]))
    assert not_found(client, media_url(preview_lesson, video, "1080"))


@pytest.mark.django_db
def test_a_video_still_being_prepared_has_no_files_to_serve(client, course):
    waiting = LessonVideo.objects.create(
        title="En attente", original=ContentFile(b"x", name="a.mp4")
    )
    lesson = make_lesson(
        course, video_body(waiting), is_preview=True, title="Bientôt", slug="bientot"
    )

    assert not_found(client, media_url(lesson, waiting))


class SignedUrlStorage(FileSystemStorage):
    """Stands in for S3: url() hands out a short-lived signed address."""

    def url(self, name):
        return f"https://bucket.example.com/{name}?X-Amz-Signature=abc&X-Amz-Expires=600"


@pytest.mark.django_db
def test_with_signed_url_storage_the_view_redirects_after_checking_access(
    client, settings, monkeypatch, lesson, preview_lesson, video
):
    settings.PRIVATE_MEDIA_REDIRECT = True
    field = LessonVideo._meta.get_field("file_360")
    monkeypatch.setattr(field, "storage", SignedUrlStorage(location=settings.PRIVATE_MEDIA_ROOT))
    video.refresh_from_db()

    response = client.get(media_url(preview_lesson, video))

    assert response.status_code == 302
    assert response.url.startswith("https://bucket.example.com/videos/360/")
    assert "X-Amz-Signature" in response.url
    assert "no-store" in response["Cache-Control"]
    assert "login" in client.get(media_url(lesson, video)).url  # still gated


# --- The block on the lesson page.


@pytest.mark.django_db
def test_the_lesson_shows_a_lazy_poster_and_both_qualities_but_no_video_yet(
    client, preview_lesson, video
):
    html = client.get(preview_lesson.url).content.decode()

    assert f'src="{media_url(preview_lesson, video, "poster")}"' in html
    assert 'loading="lazy"' in html
    assert f'href="{media_url(preview_lesson, video, "360")}"' in html
    assert f'href="{media_url(preview_lesson, video, "720")}"' in html
    assert "360p" in html and "720p" in html
    assert "<video" not in html
    assert "js/player.js" in html


@pytest.mark.django_db
def test_a_video_being_prepared_says_so_and_only_staff_see_why_it_failed(client, course, moderator):
    failed = LessonVideo.objects.create(
        title="Ratée",
        original=ContentFile(b"x", name="a.mp4"),
        status=LessonVideo.Status.FAILED,
        failure_reason="The file is damaged.",
    )
    lesson = make_lesson(course, video_body(failed), is_preview=True, title="Ratée", slug="ratee")

    public = client.get(lesson.url).content.decode()
    client.force_login(moderator)
    staff = client.get(lesson.url).content.decode()

    assert "lesson-media" not in public
    assert "The file is damaged." not in public
    assert "The file is damaged." in staff


def test_sizes_read_in_megabytes_and_durations_in_minutes():
    with translation.override("en"):
        assert megabytes(2_100_000) == "2.1 MB"
        assert megabytes(20_000) == "0.1 MB"  # never "0.0 MB"
    assert video_duration(245) == "4:05"
    assert video_duration(3729) == "1:02:09"
