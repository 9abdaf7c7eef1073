"""A .imscc uploaded in the admin becomes a draft course with draft lessons in the
moderators' workflow, with a report of what could not come along. Bad archives are
refused with a clear, translated message and leave nothing behind."""

import html
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from course_pages.models import CoursePage, LessonPage

from .builders import make_instructor
from .cartridge_helpers import make_cartridge, manifest_xml

pytestmark = pytest.mark.django_db

CARTRIDGES = Path(__file__).parent / "cartridges"
IMPORT_URL = "course_pages_cartridge_import"
PAGE = '<html><body><h1>T</h1><p class="summary">Résumé</p><h2>Partie</h2><p>Texte {extra}</p></body></html>'


def upload(client, data, category, name="cours.imscc", **fields):
    return client.post(
        reverse(IMPORT_URL),
        {"cartridge": SimpleUploadedFile(name, data), "category": category.pk, **fields},
    )


def text_of(response):
    return html.unescape(response.content.decode())


def page_only(extra="", files=None):
    files = {
        "imsmanifest.xml": manifest_xml([("R1", "webcontent", "p/page.html")], [("Leçon", "R1")]),
        "p/page.html": PAGE.format(extra=extra),
        **(files or {}),
    }
    return make_cartridge(files)


def nothing_stored():
    return (
        not CoursePage.objects.filter(live=False).exists()
        and not LessonPage.objects.exists()
        and not get_image_model().objects.exists()
        and not get_document_model().objects.exists()
    )


def test_canvas_cartridge_imports_with_a_clean_report(client, site, awa):
    client.force_login(awa[0])
    data = (CARTRIDGES / "canvas-latex.imscc").read_bytes()
    response = upload(client, data, site["category"])
    assert response.status_code == 200
    html = text_of(response)
    assert "Tout le contenu de la cartouche a été importé." in html
    course = CoursePage.objects.get(instructor=awa[1])
    assert not course.live and course.owner == awa[0]
    lessons = LessonPage.objects.child_of(course).order_by("path")
    assert [lesson.title for lesson in lessons] == ["Page 1", "Page 2"]
    assert "This is a test" in str(lessons[0].body)
    assert all(not lesson.live for lesson in lessons)
    for page in [course, *lessons]:
        assert page.workflow_in_progress
        assert page.current_workflow_state.workflow.name == "Moderators approval"


def test_report_reads_in_english_for_an_english_admin(client, site, awa):
    profile = UserProfile.get_for_user(awa[0])
    profile.preferred_language = "en"
    profile.save()
    client.force_login(awa[0])
    response = upload(client, (CARTRIDGES / "canvas-latex.imscc").read_bytes(), site["category"])
    assert "Everything in the cartridge was imported." in text_of(response)


def test_moderator_imports_for_an_instructor(client, site, awa, moderator):
    client.force_login(moderator)
    response = upload(client, page_only(), site["category"], instructor=awa[1].pk)
    assert response.status_code == 200
    course = CoursePage.objects.get(instructor=awa[1])
    assert course.owner == awa[0]
    lesson = LessonPage.objects.child_of(course).get()
    assert lesson.summary == "Résumé"
    assert [block.block_type for block in lesson.body] == ["heading", "paragraph"]


def test_instructor_imports_for_herself_only(client, site, awa):
    _other_user, other_page = make_instructor("binta@example.cm", index=site["instructors"])
    client.force_login(awa[0])
    upload(client, page_only(), site["category"], instructor=other_page.pk)
    assert CoursePage.objects.get(live=False).instructor == awa[1]


def test_student_may_not_import(client, site, student):
    client.force_login(student)
    response = upload(client, page_only(), site["category"])
    assert response.status_code in (302, 403)
    assert nothing_stored()


def test_html_is_sanitised(client, site, awa):
    client.force_login(awa[0])
    dirty = (
        '<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">lien</a>'
        '<iframe src="https://evil.example"></iframe><b onmouseover="y()">gras</b>'
    )
    upload(client, page_only(dirty), site["category"])
    body = str(LessonPage.objects.get().body)
    assert "gras" in body and "lien" in body
    for bad in ("script", "alert", "javascript", "onclick", "onmouseover", "iframe", "evil"):
        assert bad not in body


def test_pictures_of_a_page_join_the_library(client, site, awa):
    from demo.sample_media import make_image_bytes

    client.force_login(awa[0])
    data = page_only(
        '<img src="img/teint.jpg" alt="Teint">',
        {"p/img/teint.jpg": make_image_bytes("Teint", width=320, height=180)},
    )
    upload(client, data, site["category"])
    image = get_image_model().objects.get()
    assert f'id="{image.pk}"' in str(LessonPage.objects.get().body.raw_data)


def test_unsupported_question_type_is_listed_in_the_report(client, site, awa):
    qti = """<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2"><assessment ident="A" title="Test">
      <section ident="S">
        <item ident="Q1"><itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>cc_profile</fieldlabel>
          <fieldentry>cc.essay.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
          <presentation><material><mattext>Décrivez votre routine</mattext></material></presentation></item>
        <item ident="Q2"><itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>cc_profile</fieldlabel>
          <fieldentry>cc.true_false.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
          <presentation><material><mattext>L'eau hydrate ?</mattext></material>
            <response_lid ident="r"><render_choice>
              <response_label ident="t"><material><mattext>Vrai</mattext></material></response_label>
              <response_label ident="f"><material><mattext>Faux</mattext></material></response_label>
            </render_choice></response_lid></presentation>
          <resprocessing><respcondition><conditionvar><varequal respident="r">t</varequal></conditionvar>
            <setvar action="Set">100</setvar></respcondition></resprocessing></item>
      </section></assessment></questestinterop>"""
    files = {
        "imsmanifest.xml": manifest_xml(
            [
                ("R1", "webcontent", "p/page.html"),
                ("R2", "imsqti_xmlv1p2/imscc_xmlv1p1/assessment", "q/test.xml"),
                ("R3", "imsbasiclti_xmlv1p0", "lti.xml"),
            ],
            [("Leçon", "R1"), ("Test", "R2"), ("Outil", "R3")],
            version="1.1.0",
            namespace="imsccv1p1",
        ),
        "p/page.html": PAGE.format(extra=""),
        "q/test.xml": qti,
        "lti.xml": "<x/>",
    }
    client.force_login(awa[0])
    response = upload(client, make_cartridge(files), site["category"])
    html = text_of(response)
    assert "Non importé" in html
    assert "question «\u00a0Décrivez votre routine\u00a0»\u00a0: son type (cc.essay.v0p1)" in html
    assert "«\u00a0Outil\u00a0»\u00a0: ce type de contenu (imsbasiclti_xmlv1p0)" in html
    quiz = next(b for b in LessonPage.objects.get().body if b.block_type == "quiz")
    [question] = quiz.value["questions"]
    assert question.value["text"] == "L'eau hydrate ?"
    assert [(c.value["text"], c.value["is_correct"]) for c in question.value["choices"]] == [
        ("Vrai", True),
        ("Faux", False),
    ]


BAD_ARCHIVES = {
    "not a zip": (b"%PDF-1.4 not a zip", "Ce fichier n'est pas une cartouche Common Cartridge"),
    "path traversal": (
        make_cartridge({"imsmanifest.xml": "<m/>", "../../etc/evil.html": "x"}),
        "L'archive désigne un fichier hors d'elle-même («\u00a0../../etc/evil.html\u00a0»)",
    ),
    "absolute path": (
        make_cartridge({"imsmanifest.xml": "<m/>", "/etc/evil.html": "x"}),
        "L'archive désigne un fichier hors d'elle-même",
    ),
    "symlink": (
        make_cartridge({"imsmanifest.xml": "<m/>"}, symlinks=["lien"]),
        "L'archive contient un lien symbolique («\u00a0lien\u00a0»)",
    ),
    "zip bomb": (
        make_cartridge({"imsmanifest.xml": "<m/>", "bomb.txt": b"0" * 5_000_000}),
        "Le fichier «\u00a0bomb.txt\u00a0» est compressé plus de 100 fois",
    ),
    "no manifest": (
        make_cartridge({"page.html": "<p>x</p>"}),
        "Cette archive n'a pas de imsmanifest.xml",
    ),
    "manifest not XML": (
        make_cartridge({"imsmanifest.xml": "<manifest"}),
        "imsmanifest.xml ne peut pas être lu",
    ),
    "entity expansion": (
        make_cartridge({"imsmanifest.xml": '<!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>'}),
        "imsmanifest.xml ne peut pas être lu",
    ),
    "CC 1.0": (
        make_cartridge({"imsmanifest.xml": manifest_xml([], [], version="1.0.0")}),
        "version 1.0.0",
    ),
    "no lesson": (
        make_cartridge({"imsmanifest.xml": manifest_xml([], [])}),
        "ne contient aucune leçon",
    ),
}


@pytest.mark.parametrize("case", list(BAD_ARCHIVES))
def test_bad_archive_is_refused_and_nothing_stored(client, site, awa, case):
    data, message = BAD_ARCHIVES[case]
    client.force_login(awa[0])
    response = upload(client, data, site["category"])
    assert response.status_code == 400
    assert message in text_of(response)
    assert nothing_stored()


@override_settings(CARTRIDGE_MAX_UNCOMPRESSED_MB=0.001)
def test_archive_expanding_beyond_the_limit_is_refused(client, site, awa):
    client.force_login(awa[0])
    response = upload(client, page_only("x" * 2000), site["category"])
    assert response.status_code == 400
    assert "Cette archive dépasse 0.001 Mo une fois décompressée" in text_of(response)
    assert nothing_stored()


@override_settings(CARTRIDGE_MAX_ENTRIES=2)
def test_archive_with_too_many_entries_is_refused(client, site, awa):
    client.force_login(awa[0])
    response = upload(client, page_only(files={"a.txt": "a", "b.txt": "b"}), site["category"])
    assert response.status_code == 400
    assert (
        "Cette archive contient 4 fichiers\u00a0; une cartouche en contient au plus 2."
        in text_of(response)
    )
    assert nothing_stored()


@override_settings(CARTRIDGE_MAX_ARCHIVE_MB=0.0001)
def test_archive_too_heavy_is_refused(client, site, awa):
    client.force_login(awa[0])
    response = upload(client, page_only("x" * 500), site["category"])
    assert response.status_code == 400
    assert "Ce fichier pèse plus de" in text_of(response)
    assert nothing_stored()
