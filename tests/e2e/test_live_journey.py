"""Live sessions on 360x800 phones. In French and in English: Aïcha schedules a class
through the form, Nadia registers, the 15-minute reminder reaches her notifications,
"Join" shows 10 minutes before and both meet in the sandbox room; Nadia leaves, Aïcha
ends the session, sees who came, and adds the recording to her course as a draft
lesson in one click. Then a paid place bought with the sandbox phone, and a waiting
list that moves up when someone cancels."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from checkout.models import Payment
from course_pages.models import LessonPage
from enrolment.services import enrol
from live.forms import DOUALA
from live.models import LiveSession, Registration, SessionRecording
from live.tasks import fetch_recordings, send_due_reminders
from notifications.models import Notification

from ..live.conftest import build_live_site, make_session, soon
from .helpers import BOTH_LANGUAGES, language_of, log_in, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEACHER = "aicha@example.cm"
STUDENT = "nadia@example.cm"
CLASSMATE = "linda@example.cm"

WORDS = {
    "fr": {
        "registered": "Vous êtes inscrite",
        "starting_soon": "Bientôt\u00a0: Tresses en direct",
        "join": "Rejoindre",
        "leave": "Quitter",
        "end": "Terminer la séance pour tout le monde",
        "attendance": "Présences",
        "add": "Ajouter à la formation comme leçon",
        "title": "Tresses en direct",
    },
    "en": {
        "registered": "You are registered",
        "starting_soon": "Starting soon: Live braids",
        "join": "Join",
        "leave": "Leave",
        "end": "End the session for everyone",
        "attendance": "Attendance",
        "add": "Add to the course as a lesson",
        "title": "Live braids",
    },
}


@pytest.fixture
def site(db):
    return build_live_site()


def speaks(site, language, *emails):
    """What each person chose in their preferences: notifications come in it."""
    for person in site.values():
        if getattr(person, "email", None) in emails:
            person.preferred_language = language
            person.save(update_fields=["preferred_language"])


def move_start(session, **from_now):
    LiveSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() + timedelta(**from_now)
    )


def schedule_through_the_form(live_server, page, site, language):
    in_two_days = (timezone.now().astimezone(DOUALA) + timedelta(days=2)).date()
    page.goto(f"{live_server.url}/{language}/live/new/")
    page.select_option("select[name=course]", str(site["course"].pk))
    page.fill("input[name=title_fr]", "Tresses en direct")
    page.fill("input[name=title_en]", "Live braids")
    page.fill("textarea[name=description]", "Raies droites et tresses collées.")
    page.fill("input[name=day]", in_two_days.isoformat())
    page.fill("input[name=time]", "10:00")
    page.fill("input[name=capacity]", "12")
    page.check("input[name=allow_recording]")
    page.locator("form.live-form button[type=submit]").click()
    session = LiveSession.objects.get()
    expect(page).to_have_url(url_path(live_server, f"/{language}/live/{session.pk}/"))
    assert session.host == site["teacher"] and session.course_id == site["course"].pk
    assert session.starts_at == datetime.combine(in_two_days, time(10), tzinfo=DOUALA)
    assert session.allow_recording and session.capacity == 12
    return session


@BOTH_LANGUAGES
def test_a_class_is_scheduled_held_in_the_sandbox_room_and_its_recording_becomes_a_lesson(
    live_server, page, other_page, screenshot, site, e2e_locale
):
    language = language_of(e2e_locale)
    words = WORDS[language]
    speaks(site, language, TEACHER, STUDENT)

    # Aïcha schedules the class through the form.
    log_in(live_server, page, TEACHER, language)
    session = schedule_through_the_form(live_server, page, site, language)
    session_page = f"{live_server.url}/{language}/live/{session.pk}/"

    # Nadia registers; "Join" is not there yet, two days before.
    log_in(live_server, other_page, STUDENT, language)
    other_page.goto(session_page)
    other_page.locator(f"form[action$='/live/{session.pk}/register/'] button").click()
    expect(other_page.locator(".live-actions .badge")).to_have_text(words["registered"])
    expect(other_page.locator(f"a[href$='/live/{session.pk}/join/']")).to_have_count(0)
    screenshot(f"live-registered-{language}", of=other_page)
    registration = Registration.objects.get(session=session, user=site["founder"])
    assert registration.status == Registration.Status.REGISTERED

    # She registered yesterday; the class now starts in 14 minutes: the reminder goes.
    Registration.objects.filter(pk=registration.pk).update(
        registered_at=timezone.now() - timedelta(days=1)
    )
    move_start(session, minutes=14)
    assert send_due_reminders() == 1
    assert send_due_reminders() == 0
    other_page.goto(f"{live_server.url}/{language}/notifications/")
    expect(other_page.locator("main")).to_contain_text(words["starting_soon"])
    screenshot(f"live-reminder-{language}", of=other_page)

    # 5 minutes before the start "Join" shows; both meet in the sandbox room.
    move_start(session, minutes=5)
    other_page.goto(session_page)
    other_page.get_by_role("link", name=words["join"], exact=True).click()
    expect(other_page).to_have_url(url_path(live_server, f"/{language}/live/{session.pk}/room/"))
    page.goto(session_page)
    page.get_by_role("link", name=words["join"], exact=True).click()
    expect(page.locator("ul.live-here li")).to_have_count(2)
    expect(page.locator("ul.live-here")).to_contain_text("Nadia")
    screenshot(f"live-room-host-{language}")

    # Nadia leaves; Aïcha ends the session for everyone.
    other_page.get_by_role("button", name=words["leave"], exact=True).click()
    expect(other_page).to_have_url(url_path(live_server, f"/{language}/live/{session.pk}/"))
    page.reload()
    expect(page.locator("ul.live-here li")).to_have_count(1)
    page.get_by_role("button", name=words["end"]).click()
    expect(page).to_have_url(url_path(live_server, f"/{language}/live/{session.pk}/"))

    # Her page shows who came.
    panel = page.locator("section.host-panel")
    expect(panel.get_by_role("heading", name=words["attendance"])).to_be_visible()
    expect(panel).to_contain_text("Nadia")
    panel.get_by_role("heading", name=words["attendance"]).scroll_into_view_if_needed()
    screenshot(f"live-attendance-{language}")

    # The recording is fetched (the end started it; running it again fetches nothing more).
    assert fetch_recordings.delay(session.pk).get() == "fetched 0"
    (recording,) = SessionRecording.objects.filter(session=session)
    assert recording.status == SessionRecording.Status.FETCHED and recording.video is not None

    # One click: a draft lesson of the course holding the video.
    page.reload()
    page.get_by_role("button", name=words["add"]).click()
    # The message and the recording's panel both link to the lesson's editor.
    lesson_links = page.locator("main a[href*='/admin/pages/'][href$='/edit/']")
    expect(lesson_links).to_have_count(2)
    expect(page.get_by_role("button", name=words["add"])).to_have_count(0)
    lesson_links.last.scroll_into_view_if_needed()
    screenshot(f"live-recording-lesson-{language}")
    lesson = _lesson_of(recording)
    expect(lesson_links.first).to_have_attribute("href", f"/admin/pages/{lesson.pk}/edit/")
    assert not lesson.live and lesson.get_parent().pk == site["course"].pk
    (block,) = lesson.body
    assert block.block_type == "video" and block.value["video"].pk == recording.video_id


def _lesson_of(recording):
    recording.refresh_from_db()
    return LessonPage.objects.get(pk=recording.lesson_id)


def test_a_student_pays_for_her_place_with_the_sandbox_phone(live_server, page, screenshot, site):
    session = make_session(site, "class", starts_at=soon(days=3), price_xaf=2000)
    log_in(live_server, page, STUDENT, "fr")
    page.goto(f"{live_server.url}/fr/live/{session.pk}/")
    screenshot("live-paid-session-fr")
    page.click(f"a[href*='/checkout/buy/live_session/{session.pk}/']")
    page.check("form.pay-form input[value=sandbox]")
    page.fill("form.pay-form input[name=phone]", "6 70 00 00 99")
    page.click("form.pay-form button[type=submit]")
    expect(page.locator("[data-status-message]")).to_contain_text("2\u00a0000\u00a0FCFA")

    with page.context.expect_page() as opened:
        page.click("a[href*='/checkout/sandbox-phone/']")
    phone = opened.value
    phone.click("button[value=approve]")
    # Close it only once it shows the answer: closing a page mid-navigation can hang.
    expect(phone.locator("button[value=approve]")).to_have_count(0)
    phone.close()

    expect(page).to_have_url(url_path(live_server, f"/fr/live/{session.pk}/"), timeout=30_000)
    expect(page.locator(".live-actions .badge")).to_have_text("Vous êtes inscrite")
    screenshot("live-paid-registered-fr")
    assert Payment.objects.get(order__item_type="live_session").status == Payment.Status.PAID
    mine = Registration.objects.get(session=session, user=site["founder"])
    assert mine.status == Registration.Status.REGISTERED and mine.order_id is not None


def test_the_waiting_list_moves_up_when_someone_cancels(
    live_server, page, other_page, screenshot, site
):
    speaks(site, "en", STUDENT, CLASSMATE)
    enrol(user=site["classmate"], course=site["course"])
    session = make_session(site, "class", starts_at=soon(days=3), capacity=1)
    session_page = f"{live_server.url}/en/live/{session.pk}/"

    log_in(live_server, page, STUDENT, "en")
    page.goto(session_page)
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.locator(".live-actions .badge")).to_have_text("You are registered")

    # The class is full: Linda waits.
    log_in(live_server, other_page, CLASSMATE, "en")
    other_page.goto(session_page)
    expect(other_page.locator(".live-facts")).to_contain_text("Full: waiting list open")
    other_page.get_by_role("button", name="Join the waiting list").click()
    expect(other_page.locator(".live-actions .badge")).to_have_text("On the waiting list")
    screenshot("live-waiting-en", of=other_page)

    # Nadia cancels: Linda has the place, and is told.
    page.get_by_role("button", name="Cancel my place").click()
    expect(page.locator("main")).to_contain_text("Your registration is cancelled.")
    other_page.reload()
    expect(other_page.locator(".live-actions .badge")).to_have_text("You are registered")
    screenshot("live-promoted-en", of=other_page)
    statuses = dict(
        Registration.objects.filter(session=session).values_list("user__email", "status")
    )
    assert statuses == {STUDENT: "cancelled", CLASSMATE: "registered"}
    told = Notification.objects.filter(user=site["classmate"]).order_by("-pk").first()
    assert told.title.startswith("Place confirmed: Live braids")
    assert "A place opened up and it is yours" in told.body
    other_page.goto(f"{live_server.url}/en/notifications/")
    expect(other_page.locator("main")).to_contain_text("Place confirmed: Live braids")
