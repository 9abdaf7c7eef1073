"""The Wagtail admin on a 360x800 phone, with the admin in French and in English:
an instructor authors a course with a lesson, translates it into English with
wagtail-localize and submits it for moderation; a moderator approves it in the
workflow, publishes the English translation and refunds a paid order.

Selectors are the admin's own stable hooks (field names, form actions, data
attributes, URLs), never its wording, so both admin languages run the same steps."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from accounts.models import MODERATORS_GROUP
from checkout.models import Order
from course_pages.models import CoursePage, LessonPage
from enrolment.models import Enrolment

from ..checkout.conftest import buy_course
from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor
from .helpers import BOTH_LANGUAGES, admin_log_in, language_of, prefer_admin_language, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COURSE_IN_ENGLISH = {
    "Tresses collées": "Cornrows",
    "tresses-collees": "cornrows",
    "Des tresses nettes qui tiennent trois semaines.": "Neat braids that last three weeks.",
}


@pytest.fixture
def authoring_site(db):
    site = build_site()
    aicha, aicha_page = make_instructor(
        "aicha@example.cm", index=site["instructors"], title="Aïcha"
    )
    return {**site, "aicha": aicha, "aicha_page": aicha_page}


def translate_segment(page, source, target):
    """In wagtail-localize's editor: "Translate" under a source string, type, "Save"."""
    segment = page.locator("li.incomplete").filter(has=page.get_by_text(source, exact=True))
    segment.locator("button").last.click()
    segment.locator("textarea").fill(target)
    # Wait for the editor's save request: the string is stored once it has answered.
    with page.expect_response(lambda response: "/strings/" in response.url) as saved:
        segment.locator("button").last.click()
    assert saved.value.ok
    done = page.locator("li").filter(has=page.get_by_text(source, exact=True))
    expect(done.get_by_text(target, exact=True)).to_be_visible()


def fill_title(page, title):
    """Type the title and leave the field: Wagtail then writes the slug from it."""
    page.fill("input[name=title]", title)
    page.press("input[name=title]", "Tab")


def open_header_menu_link(page, href):
    """The "…" menu of the admin header (translate, history…), then one of its links."""
    page.click("#w-slim-header-buttons button.w-dropdown__toggle")
    page.click(f"a[href='{href}']")


@BOTH_LANGUAGES
def test_instructor_authors_translates_and_submits_a_course(
    live_server, page, screenshot, authoring_site, e2e_locale
):
    language = language_of(e2e_locale)
    site = authoring_site
    prefer_admin_language(site["aicha"], language)
    admin_log_in(live_server, page, "aicha@example.cm")
    expect(page.locator("html")).to_have_attribute("lang", language)

    # A new course under the catalogue ("add child page"; a course is the only kind).
    catalogue = site["catalogue"]
    page.goto(f"{live_server.url}/admin/pages/{catalogue.pk}/")
    page.click(f"a[href='/admin/pages/{catalogue.pk}/add_subpage/']")
    expect(page).to_have_url(
        url_path(live_server, f"/admin/pages/add/course_pages/coursepage/{catalogue.pk}/")
    )
    fill_title(page, "Tresses collées")
    page.fill("textarea[name=summary]", "Des tresses nettes qui tiennent trois semaines.")
    expect(page.locator("#id_slug")).to_have_value("tresses-collees")
    page.click("#id_category-chooser button.chooser__choose-button")
    page.locator(".modal-content a[data-chooser-modal-choice]", has_text="Maquillage").click()
    expect(page.locator("#id_category-title")).to_have_text("Maquillage")
    # Her own instructor page is already chosen: she can only author her own courses.
    expect(page.locator("#id_instructor-title")).to_have_text("Aïcha")
    page.fill("input[name=price_xaf]", "3000")
    screenshot(f"40-admin-new-course-{language}")
    page.click("footer button.action-save")
    # Read the database only once the page the server answered with is on screen.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    course = CoursePage.objects.get(slug="tresses-collees")
    assert page.url.endswith(f"/admin/pages/{course.pk}/edit/")
    assert not course.live and course.owner == site["aicha"]

    # A lesson under the course, sent to the moderators straight away.
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/")
    page.click(f"a[href='/admin/pages/{course.pk}/add_subpage/']")
    fill_title(page, "Séparer les cheveux")
    expect(page.locator("#id_slug")).to_have_value("separer-les-cheveux")
    page.click("footer button.w-dropdown__toggle")
    page.click("footer button[name=action-submit]")
    expect(page).to_have_url(url_path(live_server, f"/admin/pages/{course.pk}/"))
    lesson = LessonPage.objects.get(slug="separer-les-cheveux")
    assert lesson.get_parent().pk == course.pk and lesson.workflow_in_progress

    # Translate into English, the lesson too: wagtail-localize makes English drafts.
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    open_header_menu_link(page, f"/admin/localize/submit/page/{course.pk}/")
    page.check(f"input[name=locales][value='{site['en'].pk}']")
    page.check("input[name=include_subtree]")
    page.click("main form [type=submit]")
    expect(page).not_to_have_url(re.compile(r"/localize/submit/"))
    english = CoursePage.objects.get(locale=site["en"], translation_key=course.translation_key)
    expect(page).to_have_url(url_path(live_server, f"/admin/pages/{english.pk}/edit/"))
    for source, target in COURSE_IN_ENGLISH.items():
        if source != "tresses-collees":
            translate_segment(page, source, target)
    screenshot(f"41-admin-translation-editor-{language}")
    page.locator("a.w-tabs__tab[role=tab]").last.click()  # "Promotion" / "Promote"
    translate_segment(page, "tresses-collees", "cornrows")
    saved = StringTranslation.objects.filter(locale=site["en"]).values_list("data", flat=True)
    assert set(saved) == set(COURSE_IN_ENGLISH.values())
    english_lesson = LessonPage.objects.get(
        locale=site["en"], translation_key=lesson.translation_key
    )
    assert not english.live and not english_lesson.live

    # Back to the French course: submit it to the moderators' workflow.
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    page.click("footer button.w-dropdown__toggle")
    page.click("footer button[name=action-submit]")
    expect(page).to_have_url(url_path(live_server, f"/admin/pages/{catalogue.pk}/"))
    screenshot(f"42-admin-submitted-{language}")
    course.refresh_from_db()
    assert not course.live
    assert course.current_workflow_state.workflow.name == "Moderators approval"
    assert course.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def translate_as_draft(page, locale, texts, *, user):
    """What the instructor's translation leaves behind: a wagtail-localize translation
    with every string filled in and an English draft waiting for a publisher."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = texts[entry.msgid]
    assert translation.import_po(po) == []
    translation.save_target(user=user, publish=False)
    return page.get_translation(locale).specific


@pytest.fixture
def moderation_site(authoring_site):
    """Aïcha's course waiting in the workflow with its English draft, and a student
    who paid for another of her courses."""
    site = authoring_site
    course = make_course(
        site["catalogue"],
        site["aicha_page"],
        live=False,
        title="Tresses collées",
        slug="tresses-collees",
        summary="Des tresses nettes qui tiennent trois semaines.",
        price_xaf=3000,
    )
    course.get_workflow().start(course, site["aicha"])
    english = translate_as_draft(course, site["en"], COURSE_IN_ENGLISH, user=site["aicha"])
    paid = make_course(
        site["catalogue"], site["aicha_page"], title="Chignons", slug="chignons", price_xaf=5000
    )
    student = make_person("nadia@example.cm", first_name="Nadia", is_student=True)
    order = buy_course(student, paid)
    moderator = make_person("mireille@example.cm", groups=[MODERATORS_GROUP])
    return {
        **site,
        "course": course,
        "english": english,
        "paid": paid,
        "order": order,
        "moderator": moderator,
    }


@BOTH_LANGUAGES
def test_moderator_publishes_the_course_and_its_translation_then_refunds_an_order(
    live_server, page, screenshot, moderation_site, e2e_locale
):
    language = language_of(e2e_locale)
    site = moderation_site
    course, english, order = site["course"], site["english"], site["order"]
    prefer_admin_language(site["moderator"], language)
    admin_log_in(live_server, page, "mireille@example.cm")
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The dashboard lists the course awaiting review; "Approve" is in the row's menu.
    task_state = course.current_workflow_state.current_task_state
    approve = page.locator(
        "button[data-workflow-action-url="
        f"'/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/']"
        ":not([data-launch-modal])"
    )
    row_menu = page.locator("[data-controller~='w-dropdown']").filter(has=approve)
    screenshot(f"43-admin-awaiting-review-{language}")
    row_menu.locator("[data-w-dropdown-target=toggle]").click()
    approve.click()
    # Back on the dashboard, nothing is left to review.
    expect(page.locator("[data-workflow-action-url]")).to_have_count(0)
    course.refresh_from_db()
    assert course.live
    assert WorkflowState.objects.get(object_id=str(course.pk)).status == "approved"

    # The English translation: "Publish in English" in wagtail-localize's editor.
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    page.click("footer button[name=action][value=publish]")
    expect(page.locator(".messages .success")).to_be_visible()
    english.refresh_from_db()
    assert english.live and english.title == "Cornrows"

    # Both are public now, each in its language.
    page.goto(f"{live_server.url}/fr/formations/tresses-collees/")
    expect(page.locator("main h1")).to_have_text("Tresses collées")
    page.goto(f"{live_server.url}/en/courses/cornrows/")
    expect(page.locator("main h1")).to_have_text("Cornrows")
    expect(page.locator("main")).to_contain_text("Neat braids that last three weeks.")
    screenshot(f"44-published-translation-{language}")

    # Refund: Orders → the order → the whole amount, with a reason.
    page.goto(f"{live_server.url}/admin/orders/")
    page.click(f"main a[href='/admin/orders/{order.pk}/']")
    refund = page.locator("main form:has(input[name=reason])")
    expect(refund.locator("input[name=amount_xaf]")).to_have_value("5000")
    refund.locator("input[name=reason]").fill("Cours acheté deux fois par erreur")
    screenshot(f"45-admin-refund-form-{language}")
    refund.locator("button[type=submit]").click()
    # It asks first, with the amount; only the confirmation refunds.
    confirm = page.locator("main #confirm-refund")
    expect(confirm.locator("h2")).to_contain_text("5")
    assert Order.objects.get(pk=order.pk).status == Order.Status.PAID
    screenshot(f"45b-admin-refund-confirm-{language}")
    confirm.locator("button[type=submit]").click()
    expect(page.locator(".messages .success")).to_contain_text(order.number)
    screenshot(f"46-admin-refunded-{language}")
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    enrolment = Enrolment.objects.get(user__email="nadia@example.cm", course=site["paid"])
    assert enrolment.status == Enrolment.Status.REVOKED
