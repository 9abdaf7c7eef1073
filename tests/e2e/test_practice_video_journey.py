"""Browser journey on a 360x800 phone: a student hands in a short video as practice
work; the (real) FFmpeg task prepares it; her instructor watches it on demand and
grades it on the rubric."""

import pytest
from playwright.sync_api import expect

from core.sample_video import ffmpeg_available, make_sample_video
from enrolment.models import Submission, SubmissionVideo
from enrolment.services import enrol

from ..conftest import PASSWORD, make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..enrolment.conftest import ASSIGNMENT

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not ffmpeg_available(), reason="FFmpeg is not installed"),
]


def log_in(live_server, page, email):
    page.goto(live_server.url + "/fr/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def practice(db):
    site = build_site()
    teacher, teacher_page = make_instructor("aicha@example.cm", index=site["instructors"])
    course = make_course(site["catalogue"], teacher_page, title="Teint parfait", price_xaf=0)
    work = make_lesson(course, title="Pratique", slug="pratique", body=[ASSIGNMENT])
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course)
    return {"work": work, "teacher": teacher}


def test_student_hands_in_a_video_and_the_instructor_watches_and_grades_it(
    live_server, page, screenshot, practice, tmp_path
):
    clip = make_sample_video(tmp_path / "VID_0001.mp4", seconds=2, width=160, height=120)
    log_in(live_server, page, "linda@example.cm")

    page.goto(live_server.url + practice["work"].url)
    page.set_input_files("input[name=video]", str(clip))
    page.locator("input[name=video]").scroll_into_view_if_needed()
    screenshot("60-practice-form-with-video")
    page.click("text=Rendre mon travail")

    expect(page.locator("h1")).to_have_text("Mes exercices pratiques")
    expect(page.locator(".practice-video video")).to_have_attribute("preload", "none")
    screenshot("61-my-practice-video")
    assert SubmissionVideo.objects.get().state == SubmissionVideo.State.READY

    page.context.clear_cookies()
    log_in(live_server, page, "aicha@example.cm")
    submission = Submission.objects.get()
    page.goto(f"{live_server.url}/fr/teach/work/{submission.pk}/")
    video = page.locator(".practice-video video")
    expect(video).to_be_visible()
    assert video.evaluate("v => v.readyState") == 0  # nothing downloaded before play
    screenshot("62-instructor-reviews-video")
    page.check("fieldset.score input[value='4']")
    page.click("button[value=accept]")

    page.wait_for_url("**/teach/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
