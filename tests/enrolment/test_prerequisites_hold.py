"""Prerequisites that hold: enrolment (free, by subscription, through checkout) is
refused with links to the missing courses until they are completed or waived; the
waiver is the instructor's or a moderator's, and is recorded. The curriculum page
shows her progress along the path."""

import html

import pytest

from checkout.models import Order
from course_pages.models import CoursePage, CurriculumIndexPage, CurriculumPage
from enrolment.models import Enrolment, PrerequisiteWaiver
from enrolment.services import enrol

from ..checkout.conftest import buy_subscription
from ..conftest import make_person
from ..course_pages.builders import make_course, make_lesson

pytestmark = pytest.mark.django_db


def requires(course, *prerequisites):
    """Give a course prerequisites, as the editor would publish them."""
    page = CoursePage.objects.get(pk=course.pk)
    page.prerequisites = [("course", prerequisite) for prerequisite in prerequisites]
    page.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def advanced(course_site):
    """A free course that requires "Teint parfait"."""
    course = make_course(
        course_site["catalogue"],
        CoursePage.objects.get(pk=course_site["course"].pk).instructor,
        title="Teint avancé",
        slug="teint-avance",
        price_xaf=0,
    )
    make_lesson(course, title="Contouring", slug="contouring")
    return requires(course, course_site["course"])


def text(response):
    return html.unescape(response.content.decode())


def test_free_enrolment_is_refused_with_links_to_the_missing_course(client, course_site, advanced):
    student = make_person("linda@example.cm", is_student=True)
    client.force_login(student)

    page = text(client.get(advanced.url))
    response = client.post(f"/fr/learn/enrol/{advanced.pk}/", follow=True)

    assert "Terminez-les d'abord, puis inscrivez-vous" in page
    assert f'href="{course_site["course"].url}"' in page
    assert "Terminez d'abord ces cours\u00a0: “Teint parfait”." in text(response)
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_refusal_reads_in_english(client, course_site, advanced):
    from demo.pages import translate_page

    translate_page(course_site["course"], course_site["en"], title="Flawless", slug="flawless")
    english = translate_page(advanced, course_site["en"], title="Advanced", slug="advanced")
    client.force_login(make_person("linda@example.cm", is_student=True))

    page = text(client.get(english.url))
    response = client.post(f"/en/learn/enrol/{english.pk}/", follow=True)

    assert "Complete these first, then enrol" in page and "Flawless" in page
    assert "Complete these courses first: “Flawless”." in text(response)
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_a_completed_prerequisite_opens_the_course(client, course_site, advanced):
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course_site["course"])
    Enrolment.objects.filter(user=student).update(status=Enrolment.Status.COMPLETED)
    client.force_login(student)

    client.post(f"/fr/learn/enrol/{advanced.pk}/")

    assert Enrolment.objects.filter(user=student, course=advanced).exists()


def test_a_started_prerequisite_is_not_enough(client, course_site, advanced):
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course_site["course"])
    client.force_login(student)

    client.post(f"/fr/learn/enrol/{advanced.pk}/")

    assert not Enrolment.objects.filter(user=student, course=advanced).exists()


def test_checkout_refuses_before_any_order_is_made(client, course_site):
    paid = requires(course_site["paid"], course_site["course"])
    buyer = make_person("buyer@example.cm", is_student=True, phone="+237677123456")
    client.force_login(buyer)
    url = f"/fr/checkout/buy/course/{paid.pk}/"

    shown = client.get(url)
    posted = client.post(
        url, {"token": "6f1c2b0e-2a53-4a31-9d0f-2d7a3f3f7a11", "method": "sandbox"}
    )

    for response in (shown, posted):
        assert "Terminez d'abord ces cours\u00a0: “Teint parfait”." in text(response)
    assert not Order.objects.exists()
    assert not Enrolment.objects.filter(course=paid).exists()


def test_a_subscriber_is_refused_too(client, course_site):
    included = CoursePage.objects.get(pk=course_site["paid"].pk)
    included.included_in_subscription = True
    included.save_revision().publish()
    included = requires(included, course_site["course"])
    student = make_person("carine@example.cm", is_student=True, phone="+237677556677")
    buy_subscription(student)
    client.force_login(student)

    response = client.post(f"/en/learn/enrol/{included.pk}/", follow=True)

    assert "Complete these courses first" in text(response)
    assert not Enrolment.objects.filter(user=student, course=included).exists()


def waive(client, course, email, prerequisite, reason="Déjà diplômée d'une autre école"):
    return client.post(
        f"/fr/teach/course/{course.pk}/waivers/",
        {"email": email, "prerequisite": prerequisite.pk, "reason": reason},
        follow=True,
    )


def test_the_instructor_waives_a_prerequisite_and_the_student_enrols(client, course_site, advanced):
    student = make_person("linda@example.cm", is_student=True)
    client.force_login(course_site["teacher"])

    response = waive(client, advanced, "linda@example.cm", course_site["course"])

    assert "Le prérequis est levé" in text(response)
    waiver = PrerequisiteWaiver.objects.get()
    assert (waiver.user, waiver.waived_by, waiver.reason) == (
        student,
        course_site["teacher"],
        "Déjà diplômée d'une autre école",
    )
    assert waiver.waived_at is not None
    client.force_login(student)
    client.post(f"/fr/learn/enrol/{advanced.pk}/")
    assert Enrolment.objects.filter(user=student, course=advanced).exists()


def test_a_moderator_may_waive_too(client, course_site, advanced):
    make_person("linda@example.cm", is_student=True)
    client.force_login(make_person("modo@example.cm", groups=["Moderators"]))

    waive(client, advanced, "linda@example.cm", course_site["course"])

    assert PrerequisiteWaiver.objects.count() == 1


@pytest.mark.parametrize("who", ["other_teacher", "student"])
def test_others_cannot_waive(client, course_site, advanced, who):
    student = make_person("linda@example.cm", is_student=True)
    client.force_login(course_site["other_teacher"] if who == "other_teacher" else student)

    response = waive(client, advanced, "linda@example.cm", course_site["course"])

    assert response.status_code == 404
    assert not PrerequisiteWaiver.objects.exists()


def test_a_waiver_without_a_reason_is_refused(client, course_site, advanced):
    make_person("linda@example.cm", is_student=True)
    client.force_login(course_site["teacher"])

    response = waive(client, advanced, "linda@example.cm", course_site["course"], reason=" ")

    assert "Dites pourquoi vous levez ce prérequis." in text(response)
    assert not PrerequisiteWaiver.objects.exists()


def test_curriculum_page_shows_her_progress_along_the_path(client, course_site, advanced):
    index = course_site["home"].add_child(
        instance=CurriculumIndexPage(title="Parcours", slug="parcours")
    )
    curriculum = index.add_child(
        instance=CurriculumPage(
            title="Teint pro",
            slug="teint-pro",
            courses=[("course", course_site["course"]), ("course", advanced)],
        )
    )
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course_site["course"])
    Enrolment.objects.filter(user=student).update(status=Enrolment.Status.COMPLETED)
    enrol(user=student, course=advanced)
    client.force_login(student)

    page = text(client.get(curriculum.url))

    assert "Terminé ✓" in page
    assert "0\u00a0% fait" in page
