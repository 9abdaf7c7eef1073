"""The moderators' platform dashboard: its numbers are the raw counts, a re-run of the
rollup changes nothing, it costs a fixed number of queries, and only moderators see it
(page, CSV and home panel)."""

import csv
import io
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, time, timedelta

import pytest
from django.db.models import Count
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from wagtail.users.models import UserProfile

from accounts.models import User
from analytics import platform_dashboard, platform_selectors, rollups
from analytics.models import (
    ActiveLearnersDay,
    CohortWeek,
    Event,
    LearnerDay,
    PaymentDay,
    RatingDay,
    SearchDay,
    SignupDay,
)
from checkout.models import Order, Payment, Refund

from ..conftest import make_person
from ..query_counts import counted_queries

pytestmark = pytest.mark.django_db
K = Event.Kind
URL = "/admin/platform/"
BUDGET = 15


def local(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def joined(user, day):
    User.objects.filter(pk=user.pk).update(date_joined=local(day, 9))
    return user


def prefer_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def log_in(user):
    client = Client()
    client.force_login(user)
    return client


def pay(provider, status, amount, day, user):
    order = Order.objects.create(
        user=user,
        item_type="course",
        item_id="1",
        description="Teint parfait",
        list_price_xaf=amount,
        amount_xaf=amount,
    )
    payment = Payment.objects.create(
        order=order,
        provider=provider,
        reference=uuid.uuid4(),
        amount_xaf=amount,
        status=status,
        expires_at=local(day, 23),
    )
    paid_at = local(day, 11) if status == Payment.Status.PAID else None
    Payment.objects.filter(pk=payment.pk).update(created_at=local(day), paid_at=paid_at)
    return payment


@pytest.fixture
def platform(course_site):
    """Thirty days of an academy, rolled up day by day; returns the days and people."""
    today = timezone.localdate()
    course = course_site["course"]
    fresh = joined(
        make_person("awa@example.cm", is_student=True, region="LT"), today - timedelta(2)
    )
    month_old = joined(
        make_person("binta@example.cm", is_student=True, is_client=True, region="CE"),
        today - timedelta(10),
    )
    joined(make_person("chantal@example.cm", is_client=True), today - timedelta(1))
    joined(
        make_person("dora@example.cm", instructor_status="pending", region="LT"),
        today - timedelta(1),
    )
    # A cohort three months back: active one week and four weeks after signing up.
    first_day = today - timedelta(90)
    veteran = joined(make_person("esther@example.cm", is_student=True, region="OU"), first_day)
    for later in (8, 29):
        Event.objects.create(
            kind=K.LESSON_OPENED,
            user_id=veteran.pk,
            course_id=course.pk,
            occurred_at=local(first_day + timedelta(later)),
        )
    # Learning today and yesterday; a course page view is not learning.
    for kind, user, day in (
        (K.ENROLLED, fresh, today),
        (K.ENROLLED, month_old, today),
        (K.LESSON_OPENED, fresh, today),
        (K.VIDEO_PROGRESS, fresh, today),
        (K.LESSON_DONE, month_old, today - timedelta(1)),
        (K.COURSE_COMPLETED, month_old, today),
        (K.COURSE_VIEW, veteran, today),
    ):
        Event.objects.create(
            kind=kind, user_id=user.pk, course_id=course.pk, occurred_at=local(day, 8)
        )
    # Directory searches: Douala's braids grow against the month before.
    for town, service, day in (
        *[("douala", "braiding", today)] * 3,
        ("douala", "", today),
        ("nowhere", "braiding", today),
        ("douala", "braiding", today - timedelta(40)),
    ):
        Event.objects.create(
            kind=K.DIRECTORY_SEARCH,
            props={"town": town, "service": service},
            occurred_at=local(day, 12),
        )
    # Payments: two of three sandbox payments paid, one MoMo payment expired, a refund.
    paid = pay("sandbox", Payment.Status.PAID, 1000, today, fresh)
    pay("sandbox", Payment.Status.PAID, 2000, today, fresh)
    pay("sandbox", Payment.Status.FAILED, 2000, today, fresh)
    pay("mtn_momo", Payment.Status.EXPIRED, 3000, today, fresh)
    Refund.objects.create(
        payment=paid,
        provider="sandbox",
        amount_xaf=500,
        reason="Essai",
        status=Refund.Status.DONE,
        settled_at=local(today, 15),
    )
    moderator = make_person("moderation@example.cm", groups=["Moderators"])
    # The numbers are read in English (the labels do not wait for the catalogue).
    prefer_admin_language(moderator, "en")
    days = {today - timedelta(n) for n in (0, 1, 2, 10, 40)}
    days |= {first_day, first_day + timedelta(8), first_day + timedelta(29)}
    for day in sorted(days):
        rollups.roll_up(day)
    return {
        "today": today,
        "first_day": first_day,
        "days": days,
        "course": course,
        "moderator": moderator,
    }


def table(page, slug):
    return page.context["tables"][slug].rows


def test_the_numbers_are_the_raw_counts(platform):
    page = log_in(platform["moderator"]).get(URL + "?days=30")
    assert page.status_code == 200
    since = platform_dashboard.selectors.first_day(30)
    people = User.objects.filter(date_joined__gte=local(since, 0))
    signups = dict(table(page, "signups"))
    assert signups["Students"] == people.filter(is_student=True).count() == 2
    assert signups["Clients"] == people.filter(is_client=True).count() == 2
    assert signups["Instructors"] == people.exclude(instructor_status="").count()
    assert signups["Everyone (each person once)"] == people.count()
    regions = {row[0]: row[-1] for row in table(page, "regions")}
    assert regions["Littoral"] == 2 and regions["Centre"] == 1

    active = dict(table(page, "active_daily"))
    today = platform["today"]
    assert active[today.isoformat()] == 2
    assert active[(today - timedelta(1)).isoformat()] == 1

    assert table(page, "courses") == [("Teint parfait", "Make-up", 2, 1)]
    assert table(page, "categories") == [("Make-up", 2, 1)]

    payments = {row[0]: row[1:] for row in table(page, "payments")}
    assert payments["Test phone (sandbox)"] == (3, 2, 1, "66 %", 3000, 1, 500)
    assert payments["MTN Mobile Money"] == (1, 0, 1, "0 %", 0, 0, 0)
    revenue = {row[0]: row[1:] for row in table(page, "revenue")}
    assert revenue[today.isoformat()] == (3000, 500)

    assert table(page, "demand") == [
        ("Douala", "Braiding", 3, 0, "–"),
        ("Douala", "All services", 1, 0, "–"),
    ]
    assert table(page, "trending_searches") == [("Braiding", 4, 1, 3, "+300 %")]
    assert table(page, "trending_enrolments") == [("Make-up", 2, 0, 2, "new")]

    with override("en"):
        month = date_format(platform["first_day"].replace(day=1), "YEAR_MONTH_FORMAT")
    cohorts = {row[0]: row[1:] for row in table(page, "retention")}
    assert cohorts[month] == (1, "100 %", "100 %", "–")
    reports = dict(table(page, "reports"))
    assert reports == {"Reported messages waiting": 0, "Reported community content waiting": 0}


def test_a_seven_day_period_leaves_older_sign_ups_out(platform):
    page = log_in(platform["moderator"]).get(URL + "?days=7")
    assert dict(table(page, "signups"))["Students"] == 1


def test_a_re_run_of_the_rollup_gives_the_same_rows(platform):
    def snapshot():
        return [
            sorted(model.objects.values_list(*fields))
            for model, fields in (
                (SignupDay, ("day", "role", "region", "people")),
                (LearnerDay, ("day", "user_id", "cohort", "week")),
                (PaymentDay, ("day", "provider", "attempts", "paid", "paid_xaf", "refunded_xaf")),
                (SearchDay, ("day", "town", "service", "searches")),
                (RatingDay, ("day", "course_id", "ratings", "stars")),
                (
                    ActiveLearnersDay,
                    ("day", "daily", "week_to_date", "last_7_days", "last_28_days"),
                ),
                (CohortWeek, ("cohort", "week", "learners")),
            )
        ]

    once = snapshot()
    assert all(once[:4])
    for day in sorted(platform["days"], reverse=True):
        rollups.roll_up(day)
    assert snapshot() == once


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_dashboard_reads_a_fixed_number_of_queries(platform, language):
    with override(language), counted_queries() as queries:
        platform_dashboard.build(days=90)
    assert len(queries) <= BUDGET, queries


def test_every_chart_is_valid_svg_under_8_kb(platform):
    page = log_in(platform["moderator"]).get(URL + "?days=90")
    charts = [t.chart for t in page.context["tables"].values() if t.chart]
    assert len(charts) >= 10
    for chart in charts:
        root = ET.fromstring(str(chart))  # noqa: S314 (our own SVG)
        assert root.attrib["role"] == "img"
        assert root.find("{http://www.w3.org/2000/svg}title").text
        assert len(str(chart).encode()) <= 8 * 1024
    assert len(page.content) <= 80 * 1024  # the page's first view (#21), ten charts and all


def test_each_table_exports_as_csv(platform):
    client = log_in(platform["moderator"])
    answer = client.get(URL + "export/payments.csv?days=30")
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode())))
    assert rows[0][0] == "Provider" and len(rows) == 3
    assert client.get(URL + "export/nope.csv").status_code == 404


def test_names_follow_the_moderators_language(platform, course_site):
    english = platform["course"].copy_for_translation(course_site["en"])
    english.title, english.slug = "Flawless base", "flawless-base"
    english.save_revision().publish()
    client = log_in(platform["moderator"])
    assert table(client.get(URL), "courses") == [("Flawless base", "Make-up", 2, 1)]
    prefer_admin_language(platform["moderator"], "fr")
    page = client.get(URL)
    assert table(page, "courses") == [("Teint parfait", "Maquillage", 2, 1)]
    assert table(page, "demand")[0][:2] == ("Douala", "Tresses")
    assert "Douala" in page.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "student", "instructor", "teacher"])
def test_only_moderators_reach_the_dashboard_and_its_csv(
    platform, course_site, who, student, instructor
):
    client = {
        "anonymous": Client(),
        "student": log_in(student) if who == "student" else None,
        "instructor": log_in(instructor) if who == "instructor" else None,
        "teacher": log_in(course_site["teacher"]) if who == "teacher" else None,
    }[who]
    for url in (URL, URL + "export/payments.csv", URL + "export/signups.csv"):
        answer = client.get(url)
        assert answer.status_code in (302, 403), (who, url, answer.status_code)
        assert b"Provider" not in answer.content and b"svg" not in answer.content
    home = client.get("/admin/")
    assert b"platform-statistics-heading" not in home.content
    assert URL.encode() not in home.content


def test_the_home_panel_links_moderators_to_the_dashboard(platform):
    home = log_in(platform["moderator"]).get("/admin/")
    page = home.content.decode()
    assert 'id="platform-statistics-heading"' in page
    assert f'href="{URL}"' in page
    # Every home panel is drawn by Wagtail's panel template: their headings line up.
    assert page.count('class="w-panel__toggle"') >= 2


def test_the_page_costs_the_same_queries_however_much_happened(platform):
    client = log_in(platform["moderator"])
    client.get(URL)
    with counted_queries() as few:
        assert client.get(URL).status_code == 200
    today = platform["today"]
    for n in range(5):
        person = joined(make_person(f"more{n}@example.cm", is_student=True, region="NW"), today)
        Event.objects.create(
            kind=K.LESSON_OPENED, user_id=person.pk, course_id=platform["course"].pk
        )
        Event.objects.create(kind=K.DIRECTORY_SEARCH, props={"town": "kribi", "service": "nails"})
        pay("orange_money", Payment.Status.PAID, 1500, today, person)
    rollups.roll_up(today)
    # The rollup made the kept tables stale: the next view reads the new rows.
    fresh = client.get(URL + "?days=30")
    assert dict(table(fresh, "active_daily"))[today.isoformat()] == 2 + 5
    client.get(URL)
    with counted_queries() as many:
        assert client.get(URL).status_code == 200
    assert len(many) == len(few) <= BUDGET, many
    print(f"platform dashboard page: {len(many)} queries in all (Wagtail admin included)")


def distinct_learners(**period):
    """The old read: students of the learner days in the period, each once."""
    return LearnerDay.objects.filter(**period).values("user_id").distinct().count()


def test_the_rolled_up_counts_are_the_distinct_learners(platform):
    # Yesterday's learner also learns the day before: the 7 days hold her once.
    today = platform["today"]
    month_old = User.objects.get(email="binta@example.cm")
    Event.objects.create(
        kind=K.LESSON_DONE,
        user_id=month_old.pk,
        course_id=platform["course"].pk,
        occurred_at=local(today - timedelta(2), 8),
    )
    for day in sorted(platform["days"] | {today - timedelta(2)}):
        rollups.roll_up(day)
    for row in ActiveLearnersDay.objects.all():
        monday = row.day - timedelta(days=row.day.weekday())
        assert (row.daily, row.week_to_date, row.last_7_days, row.last_28_days) == (
            distinct_learners(day=row.day),
            distinct_learners(day__gte=monday, day__lte=row.day),
            distinct_learners(day__gte=row.day - timedelta(6), day__lte=row.day),
            distinct_learners(day__gte=row.day - timedelta(27), day__lte=row.day),
        ), row.day
    assert ActiveLearnersDay.objects.get(day=today).last_7_days == 2

    first_month = platform["first_day"].replace(day=1)
    cohorts = {
        (row["cohort"], row["week"]): row["learners"]
        for row in LearnerDay.objects.filter(week__in=CohortWeek.WEEKS)
        .values("cohort", "week")
        .annotate(learners=Count("user_id", distinct=True))
    }
    assert cohorts and platform_selectors.retention(cohorts_since=first_month) == cohorts

    since = today - timedelta(29)
    activity = platform_selectors.activity(since=since)
    weeks = {day - timedelta(days=day.weekday()) for day in activity.per_week}
    assert activity.per_week == {
        monday: distinct_learners(day__gte=monday, day__lte=monday + timedelta(6))
        for monday in weeks
    }
    for days in (1, 7, 28, 30):
        start = today - timedelta(days - 1)
        assert platform_selectors.active_learners(since=start, until=today) == distinct_learners(
            day__gte=start
        )


def test_a_day_rolled_up_again_without_its_learner_leaves_her_cohort_week(platform):
    veteran_week = platform["first_day"] + timedelta(8)
    cohort = platform["first_day"].replace(day=1)
    assert CohortWeek.objects.get(cohort=cohort, week=1).learners == 1
    Event.objects.filter(occurred_at__date=veteran_week).delete()
    rollups.roll_up(veteran_week)
    assert not CohortWeek.objects.filter(cohort=cohort, week=1).exists()
    assert ActiveLearnersDay.objects.get(day=veteran_week).daily == 0
