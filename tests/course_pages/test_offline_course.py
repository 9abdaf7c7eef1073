"""Saving a whole course for offline: the course page offers it to an enrolled student
only, and the course manifest lists every lesson with the totals shown before saving."""

import pytest

from ..conftest import make_person
from . import test_offline_copy as lesson_copies

# The lesson with every kind of media, and Linda enrolled in its course.
media_site = lesson_copies.media_site
linda = lesson_copies.linda
VIDEO_BYTES = lesson_copies.VIDEO_BYTES

pytestmark = pytest.mark.django_db


def course_manifest(client, course):
    return client.get(f"/fr/learn/offline/course/{course.pk}/")


def test_the_course_manifest_lists_every_lesson_and_the_totals(client, media_site, linda):
    client.force_login(linda)
    course = media_site["course"]

    response = course_manifest(client, course)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["id"] == course.pk and body["page"] == course.url
    lessons = body["lessons"]
    assert [item["title"] for item in lessons] == [
        "Bienvenue",
        "Les outils",
        "Quiz",
        "Pratique",
        "Tout",
    ]
    assert all(
        item["course"] == {"id": course.pk, "title": course.title, "page": course.url}
        for item in lessons
    )
    assert body["bytes_without_video"] == sum(item["bytes_without_video"] for item in lessons)
    assert body["video_bytes"] == VIDEO_BYTES + 300
    # The same copies as the lesson manifests, so a lesson saved alone is not saved twice.
    alone = client.get(f"/fr/learn/offline/lesson/{media_site['media_lesson'].pk}/").json()
    assert lessons[-1] == alone


def test_the_course_page_offers_the_whole_course_to_an_enrolled_student(client, media_site, linda):
    client.force_login(linda)

    html = client.get(media_site["course"].url).content.decode()

    assert "data-offline-course" in html
    assert "Enregistrer tout le cours" in html
    assert f"/fr/learn/offline/course/{media_site['course'].pk}/" in html


def test_nobody_else_is_offered_the_whole_course(client, media_site, moderator):
    stranger = make_person("awa@example.cm", is_student=True)
    for person in (moderator, media_site["teacher"], stranger):
        client.force_login(person)

        assert "data-offline-course" not in client.get(media_site["course"].url).content.decode()
    client.logout()
    assert "data-offline-course" not in client.get(media_site["course"].url).content.decode()


@pytest.mark.parametrize(
    "who, status, message",
    [
        ("visitor", 401, "Connectez-vous pour enregistrer des leçons hors ligne."),
        ("stranger", 403, "Seuls les élèves inscrits à ce cours peuvent l'enregistrer hors ligne."),
        ("teacher", 403, "Seuls les élèves inscrits à ce cours peuvent l'enregistrer hors ligne."),
    ],
)
def test_the_course_manifest_is_for_enrolled_students_only(
    client, media_site, who, status, message
):
    if who == "stranger":
        client.force_login(make_person("awa@example.cm", is_student=True))
    elif who == "teacher":
        client.force_login(media_site["teacher"])

    response = course_manifest(client, media_site["course"])

    assert response.status_code == status
    assert response.json() == {"error": message}


def test_a_revoked_student_gets_no_course_manifest(client, media_site, linda):
    from enrolment.services import revoke

    revoke(user=linda, course=media_site["course"])
    client.force_login(linda)

    response = course_manifest(client, media_site["course"])

    assert response.status_code == 403
    assert "data-offline-course" not in client.get(media_site["course"].url).content.decode()


def test_an_unknown_course_has_no_manifest(client, media_site, linda):
    client.force_login(linda)

    response = client.get("/fr/learn/offline/course/999999/")

    assert response.status_code == 404
    assert response.json() == {"error": "Ce cours n'est plus disponible."}
