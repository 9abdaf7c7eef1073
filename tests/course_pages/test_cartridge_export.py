"""An instructor downloads her course as an IMS Common Cartridge 1.3, in one language or
both; nobody else may. The manifest has the structure the specification requires."""

import html

import pytest
from django.urls import reverse

from community.models import Forum, Post, Thread
from course_pages.cartridge import spec

from .builders import make_course, make_instructor, make_lesson, make_lesson_media
from .cartridge_helpers import CP, archive, every_block_body, manifest, resources_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site, awa):
    course = make_course(site["catalogue"], awa[1], title="Teint parfait", slug="teint-parfait")
    make_lesson(course, every_block_body(make_lesson_media()), title="Préparer la peau")
    make_lesson(course, [("heading", "Fixer")], title="Fixer le teint", slug="fixer")
    return course


def export(client, course, language="fr"):
    return client.post(reverse("cartridge:export", args=[course.pk]), {"language": language})


def test_instructor_downloads_her_course_as_imscc(client, course, awa):
    client.force_login(awa[0])
    response = export(client, course)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="teint-parfait-fr.imscc"' in response["Content-Disposition"]
    names = archive(response.content).namelist()
    assert names[0] == "imsmanifest.xml"
    assert any(name.startswith("media/images/") and name.endswith(".webp") for name in names)
    assert any(name.startswith("media/guides/") and name.endswith(".pdf") for name in names)


def test_manifest_has_the_structure_cc_1_3_requires(client, course, awa):
    client.force_login(awa[0])
    data = export(client, course).content
    root = manifest(data)
    names = set(archive(data).namelist())
    assert root.tag == f"{CP}manifest"
    assert root.find(f"{CP}metadata/{CP}schema").text == "IMS Common Cartridge"
    assert root.find(f"{CP}metadata/{CP}schemaversion").text == "1.3.0"
    organizations = root.findall(f"{CP}organizations/{CP}organization")
    assert len(organizations) == 1
    assert organizations[0].get("structure") == "rooted-hierarchy"
    # One root item, which references nothing.
    roots = organizations[0].findall(f"{CP}item")
    assert len(roots) == 1 and roots[0].get("identifierref") is None
    resources = resources_of(root)
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    for item in root.iter(f"{CP}item"):
        if item.get("identifierref"):
            assert item.get("identifierref") in resources
            assert item.find(f"{CP}title").text
    kinds = {r.get("type") for r in resources.values()}
    assert kinds == {spec.WEBCONTENT, spec.ASSESSMENT, spec.WEB_LINK}
    for resource in resources.values():
        files = [f.get("href") for f in resource.findall(f"{CP}file")]
        assert files and set(files) <= names
        if resource.get("type") == spec.WEBCONTENT:
            assert resource.get("href") in files
        else:  # assessments, links and topics are named by their file alone
            assert resource.get("href") is None


def test_quiz_is_qti_with_the_cc_profiles(client, course, awa):
    client.force_login(awa[0])
    data = export(client, course).content
    quiz = next(n for n in archive(data).namelist() if "quiz-" in n)
    text = archive(data).read(quiz).decode()
    assert "http://www.imsglobal.org/xsd/ims_qtiasiv1p2" in text
    assert spec.MULTIPLE_CHOICE in text and spec.MULTIPLE_RESPONSE in text
    assert "Quelle base pour une peau grasse ?" in text


def test_video_is_a_web_link_to_the_lesson_page(client, course, awa):
    client.force_login(awa[0])
    data = export(client, course).content
    link = next(n for n in archive(data).namelist() if "video-" in n)
    text = archive(data).read(link).decode()
    assert "imswl_v1p3" in text and "/preparer-la-peau/" in text


def test_forum_topics_leave_as_discussion_topics(client, course, awa, student):
    forum = Forum.objects.create(kind=Forum.Kind.COURSE, course=course)
    for title, visibility in [("Quelle base ?", ""), ("Caché", "removed")]:
        thread = Thread.objects.create(
            forum=forum, author=student, title=title, last_post_at="2026-01-01T10:00Z"
        )
        Post.objects.create(
            thread=thread,
            forum=forum,
            kind="opening",
            author=student,
            body=f"{title} corps",
            visibility=visibility,
        )
    client.force_login(awa[0])
    data = export(client, course).content
    topics = [
        r for r in resources_of(manifest(data)).values() if r.get("type") == spec.DISCUSSION_TOPIC
    ]
    assert len(topics) == 1
    text = archive(data).read(topics[0].find(f"{CP}file").get("href")).decode()
    assert "Quelle base ?" in text and "Caché" not in text


def test_both_languages_need_the_english_version(client, course, awa):
    client.force_login(awa[0])
    response = export(client, course, "fr-en")
    assert response.status_code == 400
    assert "Cette formation n'a pas encore de version anglaise." in html.unescape(
        response.content.decode()
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_export_page_reads_in_both_languages(client, course, awa, language):
    client.force_login(awa[0])
    response = client.get(f"/{language}/teach/cartridge/{course.pk}/")
    assert response.status_code == 200
    assert ("Exporter" if language == "fr" else "Export the course") in response.content.decode()


def test_another_instructor_gets_404(client, site, course):
    other, _page = make_instructor("binta@example.cm", index=site["instructors"])
    client.force_login(other)
    assert export(client, course).status_code == 404


def test_student_gets_404(client, course, student):
    client.force_login(student)
    assert export(client, course).status_code == 404


def test_moderator_may_export(client, course, moderator):
    client.force_login(moderator)
    assert export(client, course).status_code == 200


def test_anonymous_is_sent_to_log_in(client, course):
    response = export(client, course)
    assert response.status_code == 302 and "login" in response["Location"]
