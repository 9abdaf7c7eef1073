"""The moderators' platform dashboard: each table once, as rows of plain values, which
the admin page draws (chart + table) and the CSV export writes as they are."""

from collections import Counter
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.regions import Region
from accounts.support import registry as support
from checkout.reports import provider_label
from core import cache_tags
from course_pages.selectors import course_names
from directory import demand
from directory.services import DIRECTORY_TAG

from . import charts, platform_selectors, selectors
from .dashboard import Table
from .models import SignupDay
from .rollups import ROLLUP_KEPT_SECONDS, ROLLUP_TAG

Role = SignupDay.Role
ROLES = (Role.STUDENT, Role.CLIENT, Role.INSTRUCTOR, Role.PROFESSIONAL)
RETENTION_WEEKS = platform_selectors.RETENTION_WEEKS
TOP = 8  # bars per chart: the table holds every row
TRENDING = 10


def _percent(part, whole):
    return f"{100 * part // whole} %" if whole else "–"


def _growth(now, then):
    return f"+{100 * (now - then) // then} %" if then else _("new")


def _region(code):
    return str(Region(code).label) if code in Region.values else _("Not given")


def cohorts_since(since):
    """The first month shown in the retention table: the period's first month, and at
    least the last four (a cohort needs twelve weeks to show its last column)."""
    first = since.replace(day=1)
    earliest = (timezone.localdate().replace(day=1) - timedelta(days=95)).replace(day=1)
    return min(first, earliest)


def build(*, days):
    """Every table over the last ``days`` days: the rollups' ones from the cache until
    the next rollup (or a change to pages or the directory, whose names and supply they
    show), the moderation queue's counted live."""
    today = timezone.localdate()
    tags = (ROLLUP_TAG, cache_tags.ALL, DIRECTORY_TAG)
    versions = cache_tags.current_versions(tags)
    key = ":".join(
        ["platform-dashboard", *(versions[tag] for tag in tags)]
        + [today.isoformat(), str(days), get_language()]
    )
    built = cache.get_or_set(
        key, lambda: _from_rollups(days=days, today=today), ROLLUP_KEPT_SECONDS
    )
    _reports_table(built["tables"])
    return built


def _from_rollups(*, days, today):
    """Every table but the moderation queue's, in a fixed number of queries."""
    since = selectors.first_day(days)
    before = platform_selectors.previous_span(since, today)
    first_cohort = cohorts_since(since)
    tables = {}

    signups = platform_selectors.signups(since=since, cohorts_since=first_cohort)
    _signup_tables(tables, signups)
    _activity_tables(tables, since, today)
    courses = platform_selectors.courses(since=since, before=before)
    names = course_names(list(courses), language=get_language())
    _course_tables(tables, courses, names)
    _payment_tables(tables, platform_selectors.payments(since=since), since, today)
    searches = platform_selectors.searches(since=since, before=before)
    supply = demand.supply()
    _demand_table(tables, searches, supply)
    _trending_tables(tables, searches, supply, courses, names)
    _retention_table(tables, signups, platform_selectors.retention(cohorts_since=first_cohort))
    return {"tables": tables, "since": since}


def _signup_tables(tables, signups):
    counts = signups.by_role_and_region
    by_role = [
        (str(Role(role).label), sum(n for (r, _g), n in counts.items() if r == role))
        for role in ROLES
    ]
    everyone = sum(n for (role, _g), n in counts.items() if role == Role.ALL)
    tables["signups"] = Table(
        "signups",
        _("Sign-ups by role"),
        [_("Role"), _("People")],
        [*by_role, (_("Everyone (each person once)"), everyone)],
        charts.bars(
            title=_("Sign-ups by role"),
            description=_("People who signed up in the period, by the roles they hold."),
            rows=by_role,
        ),
    )
    regions = sorted(
        {region for _role, region in counts},
        key=lambda code: -counts[(Role.ALL, code)],
    )
    rows = [
        (_region(code), *(counts[(role, code)] for role in ROLES), counts[(Role.ALL, code)])
        for code in regions
    ]
    tables["regions"] = Table(
        "regions",
        _("Sign-ups by region"),
        [_("Region"), *(str(Role(role).label) for role in ROLES), _("Everyone")],
        rows,
        charts.bars(
            title=_("Sign-ups by region"),
            description=_("People who signed up in the period, by the region they gave."),
            rows=[(row[0], row[-1]) for row in rows[:TOP]],
        ),
    )


def _days(since, until):
    return [since + timedelta(days=n) for n in range((until - since).days + 1)]


def _activity_tables(tables, since, today):
    activity = platform_selectors.activity(since=since)
    daily = activity.per_day
    days = _days(since, today)
    tables["active_daily"] = Table(
        "active_daily",
        _("Active learners per day"),
        [_("Day"), _("Learners")],
        [(day.isoformat(), daily.get(day, 0)) for day in days],
        charts.line(
            title=_("Active learners per day"),
            description=_("Students who did something in a course, day by day."),
            labels=[date_format(day, "d/m") for day in days],
            series=[(_("Learners"), [daily.get(day, 0) for day in days])],
        ),
    )
    rows = [
        (_("Week of %(day)s") % {"day": date_format(week, "d/m")}, learners)
        for week, learners in activity.per_week.items()
    ]
    tables["active_weekly"] = Table(
        "active_weekly",
        _("Active learners per week"),
        [_("Week"), _("Learners")],
        rows,
        charts.bars(
            title=_("Active learners per week"),
            description=_(
                "Students who did something in a course at least once in the week "
                "(the first and last weeks may be partly outside the period)."
            ),
            rows=rows[-TOP:],
        ),
    )


def _course_tables(tables, courses, names):
    rows = sorted(
        (
            (*names.get(course_id, (f"#{course_id}", "")), figures.enrolments, figures.completions)
            for course_id, figures in courses.items()
            if figures.enrolments or figures.completions
        ),
        key=lambda row: (-row[2], -row[3], row[0]),
    )
    tables["courses"] = Table(
        "courses",
        _("Enrolments and completions by course"),
        [_("Course"), _("Category"), _("Enrolments"), _("Completions")],
        rows,
        charts.bars(
            title=_("Enrolments by course"),
            description=_("The courses with the most enrolments in the period."),
            rows=[(row[0], row[2]) for row in rows[:TOP]],
        ),
    )
    by_category = {}
    for _title, category, enrolments, completions in rows:
        total = by_category.setdefault(category, [0, 0])
        total[0] += enrolments
        total[1] += completions
    category_rows = sorted(
        ((category, *totals) for category, totals in by_category.items()),
        key=lambda row: (-row[1], row[0]),
    )
    tables["categories"] = Table(
        "categories",
        _("Enrolments and completions by category"),
        [_("Category"), _("Enrolments"), _("Completions")],
        category_rows,
        charts.bars(
            title=_("Enrolments by category"),
            description=_("Enrolments in the period, all courses of each category together."),
            rows=[(row[0], row[1]) for row in category_rows[:TOP]],
        ),
    )


def _payment_tables(tables, payments, since, today):
    rows = sorted(
        (
            (
                provider_label(provider),
                line["attempts"],
                line["paid"],
                line["failed"],
                _percent(line["paid"], line["paid"] + line["failed"]),
                line["paid_xaf"],
                line["refunds"],
                line["refunded_xaf"],
            )
            for provider, line in payments.by_provider.items()
        ),
        key=lambda row: (-row[5], row[0]),
    )
    tables["payments"] = Table(
        "payments",
        _("Payments by provider"),
        [
            _("Provider"),
            _("Started"),
            _("Paid"),
            _("Failed or expired"),
            _("Success rate"),
            _("Taken (FCFA)"),
            _("Refunds"),
            _("Refunded (FCFA)"),
        ],
        rows,
        charts.bars(
            title=_("Payment success rate by provider (%)"),
            description=_(
                "Of the payments started in the period that ended, the share paid, per provider."
            ),
            rows=[
                (
                    provider_label(provider),
                    100 * line["paid"] // (line["paid"] + line["failed"])
                    if line["paid"] + line["failed"]
                    else 0,
                )
                for provider, line in sorted(payments.by_provider.items())
            ],
        ),
    )
    days = _days(since, today)
    money = [
        (day, payments.by_day[day]["paid_xaf"], payments.by_day[day]["refunded_xaf"])
        for day in days
    ]
    tables["revenue"] = Table(
        "revenue",
        _("Revenue and refunds per day (FCFA)"),
        [_("Day"), _("Taken (FCFA)"), _("Refunded (FCFA)")],
        [(day.isoformat(), taken, refunded) for day, taken, refunded in money],
        charts.line(
            title=_("Revenue and refunds per day (FCFA)"),
            description=_("Money taken and money given back, day by day, all providers."),
            labels=[date_format(day, "d/m") for day in days],
            series=[
                (_("Taken"), [taken for _day, taken, _r in money]),
                (_("Refunded"), [refunded for _day, _t, refunded in money]),
            ],
        ),
    )


def _demand_table(tables, searches, supply):
    rows = []
    for (town, service), (now, _then) in searches.items():
        if not now or town not in supply.towns:
            continue
        available = supply.available[(town, service)]
        rows.append(
            (
                supply.towns[town],
                supply.services.get(service, _("All services")),
                now,
                available,
                f"{now / available:.1f}" if available else "–",
            )
        )
    rows.sort(key=lambda row: (-row[2], row[0], row[1]))
    by_town = {}
    for town, _service, now, _available, _ratio in rows:
        by_town[town] = by_town.get(town, 0) + now
    tables["demand"] = Table(
        "demand",
        _("Regional demand: directory searches and professionals there"),
        [
            _("Town"),
            _("Service"),
            _("Searches"),
            _("Professionals available"),
            _("Searches per professional"),
        ],
        rows,
        charts.bars(
            title=_("Directory searches by town"),
            description=_("Searches in the period that named a town, all services together."),
            rows=sorted(by_town.items(), key=lambda item: -item[1])[:TOP],
        ),
    )


def _trending_tables(tables, searches, supply, courses, names):
    """The skills growing fastest against the period before: services asked for in the
    directory, and course categories people enrol in (one table each: the same word,
    "Make-up", is both a service and a category)."""
    searched = Counter()
    for (_town, service), (now, then) in searches.items():
        if service in supply.services:
            searched[(supply.services[service], "now")] += now
            searched[(supply.services[service], "then")] += then
    enrolled = Counter()
    for course_id, figures in courses.items():
        category = names.get(course_id, ("", ""))[1]
        if category:
            enrolled[(category, "now")] += figures.enrolments
            enrolled[(category, "then")] += figures.enrolments_before
    for slug, title, description, counts in (
        (
            "trending_searches",
            _("Trending skills in directory searches"),
            _("Services whose searches grew the most against the period before."),
            searched,
        ),
        (
            "trending_enrolments",
            _("Trending skills in enrolments"),
            _("Course categories whose enrolments grew the most against the period before."),
            enrolled,
        ),
    ):
        skills = {skill for skill, _when in counts}
        rows = sorted(
            (
                (skill, now, then, now - then, _growth(now, then))
                for skill in skills
                for now, then in [(counts[(skill, "now")], counts[(skill, "then")])]
                if now > then
            ),
            key=lambda row: (-row[3], row[0]),
        )[:TRENDING]
        tables[slug] = Table(
            slug,
            title,
            [_("Skill"), _("This period"), _("Period before"), _("More by"), _("Growth")],
            rows,
            charts.bars(
                title=title, description=description, rows=[(row[0], row[3]) for row in rows]
            ),
        )


def _retention_table(tables, signups, active):
    today = timezone.localdate()
    rows = []
    for month in sorted(signups.students_by_month, reverse=True):
        size = signups.students_by_month[month]
        cells = []
        last_signup = (month + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        for week in RETENTION_WEEKS:
            # Until every student of the cohort has lived that whole week, the share
            # would read low: none is shown.
            if last_signup + timedelta(days=7 * (week + 1)) > today:
                cells.append("–")
            else:
                cells.append(_percent(active.get((month, week), 0), size))
        rows.append((date_format(month, "YEAR_MONTH_FORMAT"), size, *cells))
    tables["retention"] = Table(
        "retention",
        _("Cohort retention: new students still active"),
        [
            _("Month signed up"),
            _("New students"),
            *(
                ngettext("%(weeks)s week later", "%(weeks)s weeks later", week) % {"weeks": week}
                for week in RETENTION_WEEKS
            ),
        ],
        rows,
    )


def _reports_table(tables):
    now = timezone.now()
    waiting = [counter for counter in support.counters() if counter.is_report]
    tables["reports"] = Table(
        "reports",
        _("Reports waiting in the moderation queue"),
        [_("Queue"), _("Waiting")],
        [(str(counter.label), counter.count(now)) for counter in waiting],
        links=[counter.url() for counter in waiting],
    )
