"""The instructor's course statistics: the numbers, who may see them, CSV exports,
the encouragement tap and the player's progress beacon."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from analytics import rollups
from analytics.models import Event
from enrolment.models import Enrolment
from enrolment.services import enrol
from notifications.models import Notification

from ..conftest import make_person
from ..query_counts import counted_queries

pytestmark = pytest.mark.django_db
K = Event.Kind


def stats_url(course, suffix=""):
    return f"/fr/teach/stats/course/{course.pk}/{suffix}"


def log_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def numbers(course_site):
    """Today: 4 views, 2 enrolments, 1 first lesson, 1 missed question, 1 video play."""
    course, reading = course_site["course"], course_site["reading"]
    for _ in range(4):
        Event.objects.create(kind=K.COURSE_VIEW, course_id=course.pk)
    for user in (501, 502):
        Event.objects.create(kind=K.ENROLLED, user_id=user, course_id=course.pk)
    Event.objects.create(
        kind=K.LESSON_OPENED, user_id=501, course_id=course.pk, lesson_id=reading.pk
    )
    Event.objects.create(
        kind=K.VIDEO_PROGRESS,
        user_id=501,
        course_id=course.pk,
        lesson_id=reading.pk,
        props={"quartile": 25, "video": 1},
    )
    rollups.roll_up(timezone.localdate())
    return course_site


@pytest.fixture
def quiet_student(course_site):
    """Enrolled ten days ago and silent since."""
    student = make_person("quiet@example.cm", first_name="Nadège", last_name="Ekambi")
    enrolment, _ = enrol(user=student, course=course_site["course"])
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=10)
    )
    return student


def test_the_instructor_sees_her_course_funnel(numbers, quiet_student):
    page = log_in(numbers["teacher"]).get(stats_url(numbers["course"]) + "?days=7")
    assert page.status_code == 200
    funnel = page.context["tables"]["funnel"].rows
    assert [row[1] for row in funnel] == [4, 2, 1, 0, 0]
    lessons = {row[0]: row[1] for row in page.context["tables"]["lessons"].rows}
    assert lessons["Les outils"] == 1 and lessons["Quiz"] == 0
    assert page.context["tables"]["videos"].rows == [("Les outils", 1, 0, 0, 0)]
    assert [row[0] for row in page.context["tables"]["at_risk"].rows] == ["Nadège Ekambi"]
    assert (
        "Send encouragement" in page.content.decode()
        or "encouragement" in page.content.decode().lower()
    )


def test_every_chart_is_valid_svg_under_8_kb(numbers):
    page = log_in(numbers["teacher"]).get(stats_url(numbers["course"]))
    charts = [table.chart for table in page.context["tables"].values() if table.chart]
    assert len(charts) >= 4
    for chart in charts:
        root = ET.fromstring(str(chart))  # noqa: S314 (our own SVG)
        assert root.tag.endswith("svg") and root.attrib["role"] == "img"
        assert root.find("{http://www.w3.org/2000/svg}title").text
        assert len(str(chart).encode()) <= 8 * 1024
    assert len(page.content) <= 80 * 1024  # the page's first view (#21)


@pytest.mark.parametrize("who", ["anonymous", "student", "other_teacher"])
def test_others_see_neither_the_page_nor_the_exports(numbers, enrolled, who):
    course = numbers["course"]
    client = {
        "anonymous": Client(),
        "student": log_in(enrolled) if who == "student" else None,
        "other_teacher": log_in(numbers["other_teacher"]) if who == "other_teacher" else None,
    }[who]
    expected = 302 if who == "anonymous" else 404
    for url in (stats_url(course), stats_url(course, "export/funnel.csv")):
        assert client.get(url).status_code == expected
    answer = client.post(stats_url(course, f"encourage/{enrolled.pk}/"))
    assert answer.status_code == expected
    assert not Notification.objects.filter(user=enrolled).exists()


def test_a_student_has_no_statistics_overview(enrolled):
    assert log_in(enrolled).get("/fr/teach/stats/").status_code == 404


def test_a_moderator_sees_any_course(numbers, moderator):
    page = log_in(moderator).get(stats_url(numbers["course"]))
    assert page.status_code == 200
    assert page.context["tables"]["funnel"].rows[0][1] == 4


def test_the_overview_adds_up_her_courses(numbers):
    page = log_in(numbers["teacher"]).get("/fr/teach/stats/?days=90")
    assert page.status_code == 200
    assert page.context["tables"]["funnel"].rows[0][1] == 4


def test_each_table_exports_as_csv(numbers):
    answer = log_in(numbers["teacher"]).get(stats_url(numbers["course"], "export/funnel.csv"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    assert len(rows[0]) == 3
    assert [row[1] for row in rows[1:]] == ["4", "2", "1", "0", "0"]
    unknown = log_in(numbers["teacher"]).get(stats_url(numbers["course"], "export/nope.csv"))
    assert unknown.status_code == 404


def test_encouragement_reaches_a_quiet_student_through_notifications(numbers, quiet_student):
    client = log_in(numbers["teacher"])
    answer = client.post(stats_url(numbers["course"], f"encourage/{quiet_student.pk}/"))
    assert answer.status_code == 302
    sent = Notification.objects.get(user=quiet_student)
    assert sent.kind == "course_encouragement"


def test_encouragement_to_someone_not_following_the_course_is_refused(numbers):
    stranger = make_person("stranger@example.cm")
    client = log_in(numbers["teacher"])
    answer = client.post(stats_url(numbers["course"], f"encourage/{stranger.pk}/"), follow=True)
    assert answer.status_code == 200
    assert [m.level_tag for m in answer.context["messages"]] == ["error"]
    assert not Notification.objects.filter(user=stranger).exists()


def test_the_dashboard_costs_the_same_queries_however_many_students(numbers, quiet_student):
    client = log_in(numbers["teacher"])
    url = stats_url(numbers["course"])
    client.get(url)
    with counted_queries() as few:
        assert client.get(url).status_code == 200
    for n in range(6):
        student = make_person(f"s{n}@example.cm")
        enrolment, _ = enrol(user=student, course=numbers["course"])
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=timezone.now() - timedelta(days=9)
        )
        Event.objects.create(kind=K.COURSE_VIEW, course_id=numbers["course"].pk)
    rollups.roll_up(timezone.localdate())
    # The rollup made what the page kept from the rollups stale: read again once.
    client.get(url)
    with counted_queries() as many:
        page = client.get(url)
    assert len(page.context["tables"]["at_risk"].rows) == 7
    assert len(many) == len(few) <= 15, many


def beacon(client, lesson, quartile="25", video="7"):
    return client.post(
        "/fr/learn/progress/video-progress/",
        {"lesson": str(lesson.pk), "video": video, "quartile": quartile},
    )


def test_the_player_reports_a_quarter_for_an_enrolled_student(
    course_site, enrolled, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = beacon(log_in(enrolled), course_site["reading"])
    assert answer.status_code == 204
    reported = Event.objects.get(kind=K.VIDEO_PROGRESS)
    assert reported.props == {"video": 7, "quartile": 25}
    assert (reported.user_id, reported.lesson_id) == (enrolled.pk, course_site["reading"].pk)


def test_the_beacon_refuses_bad_input_and_strangers(course_site, enrolled):
    client = log_in(enrolled)
    assert beacon(client, course_site["reading"], quartile="33").status_code == 400
    assert beacon(client, course_site["reading"], video="x" * 40).status_code == 400
    assert beacon(client, course_site["paid_lesson"]).status_code == 403
    assert beacon(Client(), course_site["reading"]).status_code == 302
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(enrolled)
    assert beacon(checked, course_site["reading"]).status_code == 403
    assert not Event.objects.filter(kind=K.VIDEO_PROGRESS).exists()


def test_the_beacon_is_rate_limited_per_student(course_site, enrolled, settings):
    settings.RATELIMIT_VIDEO_PROGRESS = "2/h"
    client = log_in(enrolled)
    answers = [beacon(client, course_site["reading"]).status_code for _ in range(3)]
    assert answers == [204, 204, 429]


def test_an_unknown_period_falls_back_to_30_days_and_english_works(numbers):
    client = log_in(numbers["teacher"])
    assert client.get(stats_url(numbers["course"]) + "?days=1000").context["days"] == 30
    english = client.get(f"/en/teach/stats/course/{numbers['course'].pk}/?days=7")
    assert english.status_code == 200
    assert "From page view to certificate" in english.content.decode()


def test_the_english_page_names_courses_and_lessons_in_english(numbers):
    course = numbers["course"]
    for page, title, slug in (
        (course, "Flawless base", "flawless-base"),
        (numbers["reading"], "The tools", "tools"),
    ):
        english = page.specific.copy_for_translation(numbers["en"], copy_parents=True)
        english.title, english.slug = title, slug
        english.save_revision().publish()
    client = log_in(numbers["teacher"])
    english = client.get(f"/en/teach/stats/course/{course.pk}/")
    assert english.context["course_title"] == "Flawless base"
    assert ("The tools", 1, 0, 0, 0) in english.context["tables"]["videos"].rows
    assert english.context["tables"]["waiting"].rows == [("Flawless base", 0)]
    overview = client.get("/en/teach/stats/").content.decode()
    assert "Flawless base" in overview and "Teint parfait" not in overview
    french = client.get(stats_url(course))
    assert french.context["course_title"] == "Teint parfait"
    assert "Les outils" in [row[0] for row in french.context["tables"]["lessons"].rows]


def test_ratings_show_week_by_week(numbers, enrolled):
    from enrolment.models import CourseReview

    other = make_person("rated@example.cm", is_student=True)
    for student, stars in ((enrolled, 4), (other, 5)):
        CourseReview.objects.create(user=student, course=numbers["course"], rating=stars)
    CourseReview.objects.create(
        user=make_person("hidden@example.cm"),
        course=numbers["course"],
        rating=1,
        visibility=CourseReview.Visibility.REMOVED,
    )
    rollups.roll_up(timezone.localdate())
    page = log_in(numbers["teacher"]).get(stats_url(numbers["course"]))
    [(week, ratings, average)] = page.context["tables"]["ratings"].rows
    assert (ratings, average) == (2, 4.5)
    assert page.context["tables"]["ratings"].chart
    assert log_in(numbers["other_teacher"]).get(stats_url(numbers["course"])).status_code == 404
