"""A lesson's offline copy: its size shown before "Save for offline" (enrolled students
only) and the manifest listing exactly what the phone fetches, each address opening for
her; the size is worked out once per lesson revision."""

import uuid

import pytest
from django.core.files.base import ContentFile

from course_pages import offline
from course_pages.models import LessonPage

from ..conftest import make_person
from ..shared_build import built_once_per_module
from .builders import make_lesson, make_lesson_media

NBSP = "\u00a0"
VIDEO_BYTES = 2_400_000


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def build_media_lesson():
    from ..enrolment.conftest import build_course_site

    site = build_course_site()
    media = make_lesson_media()
    video = media["video"]
    video.file_360.save("demo-360.mp4", ContentFile(b"v" * 4000), save=False)
    video.poster.save("demo.jpg", ContentFile(b"p" * 300), save=False)
    video.size_360 = VIDEO_BYTES
    video.duration_seconds = 60
    video.save()
    body = [
        block("paragraph", "<p>Nettoyez la peau avec un lait doux.</p>"),
        block("video", {"video": video.pk, "caption": ""}),
        block("guide", {"document": media["document"].pk, "title": "Fiche"}),
        block(
            "gallery",
            {"title": "", "images": [block("image", {"image": media["image"].pk, "caption": ""})]},
        ),
        block(
            "steps",
            {
                "title": "Étapes",
                "steps": [block("step", {"text": "Appliquez.", "image": media["image"].pk})],
            },
        ),
    ]
    site["media_lesson"] = make_lesson(site["course"], title="Tout", slug="tout", body=body)
    site["video"] = video
    return site


media_site = built_once_per_module(build_media_lesson, "media_site")


@pytest.fixture
def linda(media_site):
    from enrolment.services import enrol

    user = make_person("linda@example.cm", is_student=True)
    enrol(user=user, course=media_site["course"])
    return user


def manifest_of(client, lesson):
    return client.get(f"/fr/learn/offline/lesson/{lesson.pk}/")


@pytest.mark.django_db
def test_the_manifest_lists_what_the_saved_page_asks_for(client, media_site, linda):
    client.force_login(linda)
    lesson = media_site["media_lesson"]

    response = manifest_of(client, lesson)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["page"] == lesson.url
    urls = [item["url"] for item in body["files"]]
    # One data-saver rendition, used by the gallery and the step alike, and the guide.
    assert len(urls) == 2
    assert urls[0].startswith("/lesson-media/image/") and "webpquality-40" in urls[0]
    assert urls[1].startswith("/documents/")
    video = media_site["video"]
    assert [item["url"] for item in body["video"]] == [
        f"/lesson-media/{lesson.pk}/video/{video.pk}/poster/",
        f"/lesson-media/{lesson.pk}/video/{video.pk}/360/",
    ]
    assert body["video_bytes"] == VIDEO_BYTES + 300
    assert body["bytes_with_video"] == body["bytes_without_video"] + VIDEO_BYTES + 300
    assert body["bytes_without_video"] == (
        body["text_bytes"] + body["image_bytes"] + body["guide_bytes"]
    )
    # Every address opens for her, and the saved page itself names the same image.
    for url in urls + [item["url"] for item in body["video"]]:
        assert client.get(url).status_code == 200, url
    page = client.get(lesson.url, HTTP_SAVE_DATA="on").content.decode()
    assert urls[0] in page


@pytest.mark.django_db
def test_the_lesson_page_shows_the_size_before_the_button(client, media_site, linda):
    client.force_login(linda)

    html = client.get(media_site["media_lesson"].url).content.decode()

    assert "data-offline-button" in html
    assert f"Taille hors ligne{NBSP}: " in html
    assert "La vidéo (360p) ajoute 2,4 Mo." in html


@pytest.mark.django_db
def test_a_text_lesson_weighs_a_few_kilobytes(client, media_site, linda):
    copy = offline.offline_copy(LessonPage.objects.get(pk=media_site["reading"].pk))
    print(f"offline size of a text lesson: {copy.bytes_without_video} bytes")

    assert copy.files == [] and copy.video == []
    assert 5_000 < copy.bytes_without_video < 20_000


@pytest.mark.django_db
def test_only_enrolled_students_see_the_button(client, media_site, moderator):
    lesson = media_site["media_lesson"]
    preview = media_site["preview"]
    stranger = make_person("awa@example.cm", is_student=True)
    cases = [(moderator, lesson), (media_site["teacher"], lesson), (stranger, preview)]
    for person, page in cases:
        client.force_login(person)

        html = client.get(page.url).content.decode()

        assert "data-offline-button" not in html
    client.logout()
    assert "data-offline-button" not in client.get(preview.url).content.decode()


@pytest.mark.parametrize(
    "who, status, message",
    [
        ("visitor", 401, "Connectez-vous pour enregistrer des leçons hors ligne."),
        ("stranger", 403, "Seuls les élèves inscrits à ce cours peuvent l'enregistrer hors ligne."),
        ("teacher", 403, "Seuls les élèves inscrits à ce cours peuvent l'enregistrer hors ligne."),
    ],
)
@pytest.mark.django_db
def test_the_manifest_is_for_enrolled_students_only(client, media_site, who, status, message):
    if who == "stranger":
        client.force_login(make_person("awa@example.cm", is_student=True))
    elif who == "teacher":
        client.force_login(media_site["teacher"])

    response = manifest_of(client, media_site["media_lesson"])

    assert response.status_code == status
    assert response.json()["error"] == message


@pytest.mark.django_db
def test_an_unknown_lesson_has_no_manifest(client, media_site, linda):
    client.force_login(linda)

    response = client.get("/fr/learn/offline/lesson/999999/")

    assert response.status_code == 404
    assert response.json()["error"] == "Cette leçon n'est plus disponible."


@pytest.mark.django_db
def test_the_size_is_worked_out_once_per_revision(media_site, linda, django_assert_num_queries):
    lesson = LessonPage.objects.get(pk=media_site["media_lesson"].pk)
    first = offline.offline_copy(lesson)

    with django_assert_num_queries(0):
        again = offline.offline_copy(lesson)
    lesson.body.append(("paragraph", "<p>Encore un conseil, plus long que les autres.</p>"))
    lesson.save_revision().publish()
    changed = offline.offline_copy(LessonPage.objects.get(pk=lesson.pk))

    assert again.text_bytes == first.text_bytes
    assert changed.text_bytes > first.text_bytes


@pytest.mark.django_db
def test_pictures_in_the_lesson_text_are_counted_and_kept(client, media_site, linda):
    image = make_lesson_media()["image"]
    text = (
        f'<p>Avant :</p><embed embedtype="image" id="{image.pk}" format="left" alt="Avant"/>'
        f'<p>Après :</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
        '<embed embedtype="image" id="999999" format="left" alt="partie"/>'
    )
    lesson = make_lesson(
        media_site["course"], title="En images", slug="en-images", body=[("paragraph", text)]
    )
    client.force_login(linda)

    body = manifest_of(client, lesson).json()

    urls = [item["url"] for item in body["files"]]
    assert len(urls) == 2
    assert all(url.startswith("/lesson-media/image/") and ".webp" in url for url in urls)
    assert body["image_bytes"] == sum(item["bytes"] for item in body["files"]) > 0
    # The page asks for exactly these, with or without data saver, and each opens.
    for save_data in ("on", ""):
        page = client.get(lesson.url, HTTP_SAVE_DATA=save_data).content.decode()
        assert [url for url in urls if url in page] == urls
        assert 'loading="lazy"' in page
    for url in urls:
        assert client.get(url).status_code == 200, url
