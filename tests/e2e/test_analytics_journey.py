"""The dashboards on a 360x800 phone, role by role, in French and in English, on one
site built per language: the instructor opens her course's statistics (funnel,
drop-off, charts whose "show as table" opens the same numbers, a CSV download), the
professional her own dashboard and her clients, the moderator the platform dashboard
in the Wagtail admin. Every chart is an SVG with a title."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import MODERATORS_GROUP
from analytics import rollups
from analytics.models import Event
from enrolment.models import Enrolment
from enrolment.services import enrol

from ..analytics.pro_builders import build_pro_dashboard
from ..conftest import make_person
from ..enrolment.conftest import build_course_site
from .helpers import BOTH_LANGUAGES, admin_log_in, language_of, log_in, prefer_admin_language

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

K = Event.Kind
DAYS_SHOWN = 7
TEXT = {
    "fr": {
        "funnel": "De la vue de la page au certificat",
        "drop_off": "Où les élèves s’arrêtent",
        "at_risk": "Élèves en décrochage (aucune activité depuis 7 jours)",
        "show_table": "Afficher en tableau",
        "csv": "Télécharger le CSV",
        "pro_dashboard": "Mon tableau de bord",
        "pro_funnel": "De la vue du profil au rendez-vous",
        "clients": "Clientes",
        "platform": "Statistiques de la plateforme",
        "signups": "Inscriptions par rôle",
        "spent": "20\u00a0000",
    },
    "en": {
        "funnel": "From page view to certificate",
        "drop_off": "Where students stop",
        "at_risk": "Students at risk (no activity for 7 days)",
        "show_table": "Show as table",
        "csv": "Download CSV",
        "pro_dashboard": "My dashboard",
        "pro_funnel": "From profile view to appointment",
        "clients": "Clients",
        "platform": "Platform statistics",
        "signups": "Sign-ups by role",
        "spent": "20,000",
    },
}


def _course_week(course, reading):
    """A week of audience: 27 views, five enrolments, three first lessons, two videos
    watched half-way; and a quiet student enrolled ten days ago (the sixth enrolment of
    the 30 days shown)."""
    now = timezone.now()
    events = []
    for back in range(DAYS_SHOWN):
        events += [
            Event(kind=K.COURSE_VIEW, course_id=course.pk, occurred_at=now - timedelta(days=back))
            for _ in range(3 + back % 3)
        ]
    for learner in range(901, 906):
        when = now - timedelta(days=learner % 4)
        events.append(
            Event(kind=K.ENROLLED, user_id=learner, course_id=course.pk, occurred_at=when)
        )
        if learner % 2:
            events.append(
                Event(
                    kind=K.LESSON_OPENED,
                    user_id=learner,
                    course_id=course.pk,
                    lesson_id=reading.pk,
                    occurred_at=when,
                )
            )
    events += [
        Event(
            kind=K.VIDEO_PROGRESS,
            user_id=learner,
            course_id=course.pk,
            lesson_id=reading.pk,
            props={"quartile": quartile, "video": 1},
            occurred_at=now,
        )
        for learner in (901, 903)
        for quartile in (25, 50)
    ]
    Event.objects.bulk_create(events)
    quiet = make_person("quiet@example.cm", first_name="Nadège", last_name="Ekambi")
    enrolment, _created = enrol(user=quiet, course=course)
    # Her enrolment was tracked as it was committed: it too happened ten days ago.
    ten_days_ago = now - timedelta(days=10)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=ten_days_ago)
    Event.objects.filter(user_id=quiet.pk).update(occurred_at=ten_days_ago)
    today = timezone.localdate()
    for back in range(10, -1, -1):
        rollups.roll_up(today - timedelta(days=back))


@pytest.fixture
def dashboards(db, e2e_locale):
    site = build_course_site()
    pro_site = build_pro_dashboard()
    _course_week(site["course"], site["reading"])
    moderator = make_person(
        "moderator@example.cm", first_name="Mireille", groups=[MODERATORS_GROUP]
    )
    prefer_admin_language(moderator, language_of(e2e_locale))
    return {"course": site["course"], "professional": pro_site["professional"]}


def expect_titled_charts(section):
    """The section's chart is an SVG image with a title, its numbers behind a toggle."""
    chart = section.locator("svg.chart")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    assert chart.locator("title").text_content().strip()
    return chart


def show_as_table(page, section, text):
    """Opens the table behind a chart: hidden first, shown after the tap."""
    table = section.locator("table")
    expect(table).to_be_hidden()
    section.locator("summary", has_text=text["show_table"]).click()
    expect(table).to_be_visible()
    return table


def download_csv(page, section, text):
    with page.expect_download() as started:
        section.get_by_role("link", name=text["csv"]).click()
    with open(started.value.path(), encoding="utf-8") as saved:
        return list(csv.reader(io.StringIO(saved.read().lstrip("\ufeff"))))


def instructor_reads_her_course(live_server, page, screenshot, dashboards, language):
    text = TEXT[language]
    log_in(live_server, page, "aicha@example.cm", language)
    page.goto(f"{live_server.url}/{language}/teach/stats/course/{dashboards['course'].pk}/")
    expect(page.locator("main h1")).to_have_text("Teint parfait")
    screenshot(f"80-course-stats-{language}")

    funnel = page.locator("#stats-funnel")
    expect(funnel.locator("h2")).to_have_text(text["funnel"])
    expect_titled_charts(funnel)
    funnel.scroll_into_view_if_needed()
    screenshot(f"81-course-funnel-chart-{language}")
    table = show_as_table(page, funnel, text)
    # Views, enrolments, first lessons: the week's numbers above.
    expect(table.locator("tbody tr").nth(0).locator("td").nth(1)).to_have_text("27")
    expect(table.locator("tbody tr").nth(1).locator("td").nth(1)).to_have_text("6")
    expect(table.locator("tbody tr").nth(2).locator("td").nth(1)).to_have_text("3")
    screenshot(f"82-course-funnel-table-{language}")
    rows = download_csv(page, funnel, text)
    assert [row[1] for row in rows[1:4]] == ["27", "6", "3"]

    drop_off = page.locator("#stats-lessons")
    expect(drop_off.locator("h2")).to_have_text(text["drop_off"])
    expect_titled_charts(drop_off)
    drop_off.scroll_into_view_if_needed()
    screenshot(f"83-course-drop-off-{language}")
    lessons = show_as_table(page, drop_off, text)
    expect(lessons.locator("tr", has_text="Les outils").locator("td").nth(1)).to_have_text("3")

    at_risk = page.locator("#stats-at_risk")
    expect(at_risk.locator("h2")).to_have_text(text["at_risk"])
    expect(at_risk.locator("tbody")).to_contain_text("Nadège Ekambi")
    at_risk.scroll_into_view_if_needed()
    screenshot(f"84-course-at-risk-{language}")
    page.context.clear_cookies()


def professional_reads_her_dashboard(live_server, page, screenshot, language):
    text = TEXT[language]
    log_in(live_server, page, "awa.tresses@example.cm", language)
    page.goto(f"{live_server.url}/{language}/directory/me/stats/")
    expect(page.locator("main h1")).to_have_text(text["pro_dashboard"])
    funnel = page.locator("#stats-funnel")
    expect(funnel.locator("h2")).to_have_text(text["pro_funnel"])
    expect_titled_charts(funnel)
    screenshot(f"85-pro-dashboard-{language}")

    clients = page.locator("#stats-clients")
    expect(clients.locator("h2")).to_have_text(text["clients"])
    expect(clients.locator("table")).to_be_visible()
    nadia = clients.locator("tbody tr", has_text="Nadia")
    expect(nadia).to_have_count(1)
    expect(nadia.locator("td").nth(1)).to_have_text("2")
    # Amounts grouped the language's way on the page, plain in the CSV.
    expect(nadia.locator("td").nth(3)).to_have_text(text["spent"])
    expect(clients.locator("tbody")).to_contain_text("Grace")
    clients.scroll_into_view_if_needed()
    screenshot(f"86-pro-clients-{language}")
    rows = download_csv(page, clients, text)
    assert [row[3] for row in rows if row[0].startswith("Nadia")] == ["20000"]
    page.context.clear_cookies()


def moderator_reads_the_platform(live_server, page, screenshot, language):
    text = TEXT[language]
    admin_log_in(live_server, page, "moderator@example.cm")
    page.goto(f"{live_server.url}/admin/platform/")
    expect(page).to_have_title(re.compile(re.escape(text["platform"])))
    signups = page.locator("#platform-signups")
    expect(signups.locator("h2")).to_have_text(text["signups"])
    expect_titled_charts(signups)
    screenshot(f"87-platform-{language}")
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    for index in range(charts.count()):
        assert charts.nth(index).locator("title").text_content().strip()
    show_as_table(page, signups, text)
    signups.scroll_into_view_if_needed()
    screenshot(f"88-platform-signups-table-{language}")


@BOTH_LANGUAGES
def test_each_role_reads_its_dashboard(live_server, page, screenshot, dashboards, e2e_locale):
    language = language_of(e2e_locale)
    instructor_reads_her_course(live_server, page, screenshot, dashboards, language)
    professional_reads_her_dashboard(live_server, page, screenshot, language)
    moderator_reads_the_platform(live_server, page, screenshot, language)
