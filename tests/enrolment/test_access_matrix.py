"""Every gated URL, as each kind of person (issue #5 access matrix)."""

import pytest

from enrolment.services import submit_assignment

from ..conftest import make_person
from .conftest import photo_upload


@pytest.fixture
def people(course_site, enrolled, moderator):
    return {
        "anonymous": None,
        "stranger": make_person("stranger@example.cm"),
        "enrolled": enrolled,
        "instructor": course_site["teacher"],
        "other_instructor": course_site["other_teacher"],
        "moderator": moderator,
    }


EXPECTED_LESSON = {
    "anonymous": 302,
    "stranger": 403,
    "enrolled": 200,
    "instructor": 200,
    "other_instructor": 403,
    "moderator": 200,
}


@pytest.mark.parametrize("who", list(EXPECTED_LESSON))
@pytest.mark.django_db
def test_gated_lesson_page(client, course_site, people, who):
    if people[who]:
        client.force_login(people[who])

    response = client.get(course_site["reading"].url)

    assert response.status_code == EXPECTED_LESSON[who]
    if who == "anonymous":
        assert response.url.startswith("/fr/accounts/login/?next=")
    if response.status_code == 200:
        assert "Pinceaux et éponges" in response.content.decode()
    else:
        assert "Pinceaux et éponges" not in response.content.decode()


@pytest.mark.parametrize("who", list(EXPECTED_LESSON))
@pytest.mark.django_db
def test_preview_lesson_is_open_to_everyone(client, course_site, people, who):
    if people[who]:
        client.force_login(people[who])

    assert client.get(course_site["preview"].url).status_code == 200


EXPECTED_PHOTO = {
    "anonymous": 404,
    "stranger": 404,
    "enrolled": 200,  # the author
    "instructor": 200,
    "other_instructor": 404,
    "moderator": 200,
}


@pytest.mark.parametrize("who", list(EXPECTED_PHOTO))
@pytest.mark.django_db
def test_submission_photo(client, course_site, people, who):
    submission = submit_assignment(
        user=people["enrolled"],
        lesson=course_site["work"],
        assignment_id=course_site["work"].body[0].id,
        note="",
        uploads=[photo_upload()],
    )
    photo = submission.photos.get()
    if people[who]:
        client.force_login(people[who])

    response = client.get(f"/fr/learn/photo/{photo.pk}/")

    assert response.status_code == EXPECTED_PHOTO[who]
    if response.status_code == 200:
        assert response["Content-Type"] == "image/webp"
        assert b"".join(response.streaming_content)[:4] == b"RIFF"


@pytest.mark.django_db
def test_classmate_may_see_the_photo_while_it_waits_for_peers(client, course_site, enrolled):
    from enrolment.services import enrol

    submission = submit_assignment(
        user=enrolled,
        lesson=course_site["work"],
        assignment_id=course_site["work"].body[0].id,
        note="",
        uploads=[photo_upload()],
    )
    classmate = make_person("classmate@example.cm")
    enrol(user=classmate, course=course_site["course"])
    client.force_login(classmate)

    assert client.get(f"/fr/learn/photo/{submission.photos.get().pk}/").status_code == 200


@pytest.mark.django_db
def test_submission_photos_are_not_under_media_url(course_site, enrolled, settings):
    submission = submit_assignment(
        user=enrolled,
        lesson=course_site["work"],
        assignment_id=course_site["work"].body[0].id,
        note="",
        uploads=[photo_upload()],
    )
    path = submission.photos.get().image.path

    assert not path.startswith(str(settings.MEDIA_ROOT))


EXPECTED_DOCUMENT = {
    "anonymous": 302,
    "stranger": 403,
    "enrolled": 200,
    "instructor": 200,
    "other_instructor": 403,
    "moderator": 200,
}


@pytest.fixture
def guide(course_site):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from ..course_pages.builders import make_lesson

    document = get_document_model().objects.create(
        title="Fiche hygiène", file=ContentFile(b"%PDF-1.4 guide", name="fiche.pdf")
    )
    make_lesson(
        course_site["course"],
        title="Avec guide",
        slug="avec-guide",
        body=[("guide", {"document": document, "title": "Fiche"})],
    )
    return document


@pytest.mark.parametrize("who", list(EXPECTED_DOCUMENT))
@pytest.mark.django_db
def test_guide_document_of_a_gated_lesson(client, people, guide, who):
    if people[who]:
        client.force_login(people[who])

    response = client.get(guide.url)

    assert response.status_code == EXPECTED_DOCUMENT[who]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 guide"


@pytest.mark.django_db
def test_guide_documents_are_stored_outside_media(guide, settings):
    assert not guide.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize("who", list(EXPECTED_LESSON))
@pytest.mark.django_db
def test_lesson_video_file(client, course_site, people, who):
    from django.core.files.base import ContentFile

    from course_pages.models import LessonVideo

    from ..course_pages.builders import make_lesson

    video = LessonVideo.objects.create(
        title="Démo",
        original=ContentFile(b"x", name="o.mp4"),
        status=LessonVideo.Status.READY,
        file_360=ContentFile(b"0123456789", name="v360.mp4"),
        size_360=10,
    )
    lesson = make_lesson(
        course_site["course"],
        title="Vidéo",
        slug="video",
        body=[("video", {"video": video, "caption": ""})],
    )
    if people[who]:
        client.force_login(people[who])

    response = client.get(
        f"/lesson-media/{lesson.pk}/video/{video.pk}/360/", HTTP_RANGE="bytes=2-5"
    )

    assert response.status_code == {200: 206}.get(EXPECTED_LESSON[who], EXPECTED_LESSON[who])
    if response.status_code == 206:
        assert b"".join(response.streaming_content) == b"2345"


EXPECTED_PRIVATE_GROUP_WALL = {
    "anonymous": 404,
    "stranger": 404,
    "enrolled": 200,  # the group's owner
    "instructor": 404,
    "other_instructor": 404,
    "moderator": 200,
}


@pytest.mark.parametrize("who", list(EXPECTED_PRIVATE_GROUP_WALL))
@pytest.mark.django_db
def test_private_study_group_wall_and_calendar(client, course_site, people, who):
    from community import groups, wall

    group = groups.create_group(
        user=people["enrolled"],
        name="Teint Yaoundé",
        description="Sur demande.",
        language="fr",
        speciality=course_site["course"].category,
        is_open=False,
    )
    wall.post_resource(user=people["enrolled"], group=group, kind="tip", text="Secret du teint")
    if people[who]:
        client.force_login(people[who])
    base = f"/fr/groups/{group.pk}-{group.slug}/"

    for path in (f"{base}wall/", f"{base}calendar/"):
        assert client.get(path).status_code == EXPECTED_PRIVATE_GROUP_WALL[who]
    page = client.get(base).content.decode()
    assert ("Secret du teint" in page) == (EXPECTED_PRIVATE_GROUP_WALL[who] == 200)


EXPECTED_COURSE_FORUM = {
    "anonymous": 302,  # to the login page
    "stranger": 404,
    "enrolled": 200,
    "instructor": 200,
    "other_instructor": 404,
    "moderator": 200,
}


@pytest.mark.parametrize("who", list(EXPECTED_COURSE_FORUM))
@pytest.mark.django_db
def test_course_forum_and_its_threads(client, course_site, people, who):
    from community.forums import posting
    from community.forums.selectors import course_forum

    forum = course_forum(course_site["course"])
    thread = posting.start_thread(
        user=people["enrolled"], forum=forum, title="Question du cours", body="Secret du cours"
    )
    if people[who]:
        client.force_login(people[who])

    for path in (f"/fr/forums/{forum.pk}/", f"/en/forums/thread/{thread.pk}/"):
        response = client.get(path)
        assert response.status_code == EXPECTED_COURSE_FORUM[who]
        assert ("Question du cours" in response.content.decode()) == (response.status_code == 200)
