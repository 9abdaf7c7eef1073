"""Saving a whole course for offline on a 360x800 phone, in French: the total size first,
a storage limit refused before anything is fetched, a save cut by the network resumed
from where it stopped, the lessons opening offline with their pictures (those placed in
the text too), and the course removed at once from
the "Saved for offline" page."""

import pytest
from playwright.sync_api import expect

from ..course_pages.builders import make_lesson, make_lesson_media
from .helpers import log_in
from .offline_helpers import (
    NBSP,
    controlled,
    enrolled_linda,
    free_course,
    gallery_of,
    saved_lesson_ids,
    saved_picture_unreachable,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def course(db):
    _, course = free_course(title="Ongles en gel", slug="ongles-gel")
    image = make_lesson_media()["image"]
    # A picture placed in the text, in another size than the gallery's.
    text = (
        "<p>Poncez légèrement.</p>"
        f'<embed embedtype="image" id="{image.pk}" format="right" alt="Ongle poncé"/>'
    )
    lessons = [
        make_lesson(
            course,
            title="Le matériel",
            slug="materiel",
            body=[("paragraph", "<p>Lime, base, lampe.</p>")],
        ),
        make_lesson(
            course, title="La pose", slug="pose", body=[("paragraph", text), gallery_of(image)]
        ),
        make_lesson(
            course,
            title="La dépose",
            slug="depose",
            body=[("paragraph", "<p>Trempez dix minutes.</p>")],
        ),
    ]
    return {"course": course, "lessons": lessons, "student": enrolled_linda(course)}


def test_a_student_saves_a_whole_course_and_removes_it_at_once(
    live_server, page, screenshot, course
):
    log_in(live_server, page, "linda@example.cm", "fr")
    page.goto(live_server.url + course["course"].url)
    controlled(page)
    box = page.locator("[data-offline-course]")
    status = box.locator("[data-offline-status]")

    # The size comes first.
    expect(box.locator("[data-offline-size]")).to_contain_text(f"Taille hors ligne{NBSP}: ")
    expect(box.locator("[data-offline-size]")).to_contain_text("pour 3 leçons")

    # Her storage limit is too small: said before anything is fetched.
    page.evaluate("localStorage.setItem('bsa-offline-settings', JSON.stringify({limitMb: 0.01}))")
    box.get_by_role("button", name="Enregistrer tout le cours").click()
    expect(status).to_contain_text(f"Non enregistré{NBSP}: ce cours demande")
    expect(status).to_contain_text("limite de stockage (0.01 Mo)")
    assert saved_lesson_ids(page) == []
    page.evaluate("localStorage.removeItem('bsa-offline-settings')")

    # The network drops at the second lesson (its picture cannot be fetched): the first
    # is kept, the count says where it stopped.
    with saved_picture_unreachable():
        box.get_by_role("button", name="Enregistrer tout le cours").click()
        expect(status).to_contain_text("Enregistrement interrompu à 1 leçons sur 3")
        assert saved_lesson_ids(page) == [course["lessons"][0].pk]

    # Tapped again: it goes on from there and finishes.
    box.get_by_role("button", name="Enregistrer tout le cours").click()
    expect(status).to_have_text(
        f"Cours enregistré hors ligne{NBSP}: ses 3 leçons s'ouvrent sans réseau."
    )
    screenshot("64-offline-course-saved-fr")
    assert saved_lesson_ids(page) == sorted(lesson.pk for lesson in course["lessons"])

    # Offline, every lesson opens, the picture too.
    page.context.set_offline(True)
    for lesson in course["lessons"]:
        page.goto(live_server.url + lesson.url)
        expect(page.locator("main h1")).to_have_text(lesson.title)
    page.goto(live_server.url + course["lessons"][1].url)
    page.locator(".gallery img").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.gallery img').naturalWidth > 0")
    page.locator(".rich img").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.rich img').naturalWidth > 0")

    # The saved page, still offline: grouped under the course, removed in one tap.
    page.goto(live_server.url + "/fr/offline/saved/")
    group = page.locator("[data-offline-group]")
    expect(group).to_have_count(1)
    expect(group.locator("h2")).to_have_text("Ongles en gel")
    expect(group.locator("li")).to_have_count(3)
    screenshot("65-offline-saved-course-fr")
    group.get_by_role("button", name="Supprimer le cours").click()
    expect(page.locator("[data-offline-list]")).to_contain_text(
        "Aucune leçon n'est encore enregistrée"
    )
    assert saved_lesson_ids(page) == []
    page.context.set_offline(False)
