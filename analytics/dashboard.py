"""The instructor dashboard's content: each table once, as rows of plain values, which
the page draws (chart + table) and the CSV export writes as they are."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from checkout import reports
from core import cache_tags
from core.page_locales import active_locale, localize_pages
from enrolment import selectors as learning
from enrolment.lesson_blocks import find_quiz

from . import charts, platform_selectors, selectors
from .rollups import ROLLUP_KEPT_SECONDS, ROLLUP_TAG, day_bounds

FUNNEL_LABELS = {
    "views": gettext_lazy("Course page views"),
    "enrolments": gettext_lazy("Enrolments"),
    "first_lessons": gettext_lazy("First lesson opened"),
    "completions": gettext_lazy("Courses completed"),
    "certificates": gettext_lazy("Certificates"),
}


@dataclass
class Table:
    slug: str
    title: str
    headers: list
    rows: list = field(default_factory=list)
    chart: str = ""
    # Per row, the person an action is for: the student to encourage (students at
    # risk), the client to keep a note about (a professional's clients).
    students: list = field(default_factory=list)
    # Per row, where its first cell links to (the moderation queues).
    links: list = field(default_factory=list)

    @property
    def lines(self):
        return [
            (_shown(row), self.students[index] if index < len(self.students) else None)
            for index, row in enumerate(self.rows)
        ]

    @property
    def linked_rows(self):
        return [
            (_shown(row), self.links[index] if index < len(self.links) else None)
            for index, row in enumerate(self.rows)
        ]


def _shown(row):
    """A row as the page shows it: whole numbers grouped the language's way (20 000 FCFA
    in French, 20,000 in English), as the charts write them; CSV exports keep the plain
    numbers a spreadsheet reads."""
    return [
        number_format(cell, force_grouping=True)
        if isinstance(cell, int) and not isinstance(cell, bool)
        else cell
        for cell in row
    ]


def _percent(part, whole):
    return f"{100 * part // whole} %" if whole else "–"


def _question_text(lesson, quiz_id, question_id, choice_id):
    """The question and the wrong choice as the lesson says them today (a question
    edited away since shows as its id)."""
    quiz = find_quiz(lesson, quiz_id) if lesson else None
    question = next((q for q in quiz.questions if q.id == question_id), None) if quiz else None
    if question is None:
        return question_id, choice_id or ""
    return question.text, question.choices.get(choice_id, choice_id or "")


def _kept(read, **query):
    """``read(**query)`` (a selector over the rollups), from the cache when no rollup ran
    since it was last read: the page then reads only what changes between runs."""
    key = ":".join(
        ["course-stats", read.__module__, read.__name__]
        + [f"{name}={value}" for name, value in sorted(query.items())]
    )
    return cache_tags.kept_until_stale(ROLLUP_TAG, key, lambda: read(**query), ROLLUP_KEPT_SECONDS)


def build(*, user, courses, course=None, days):
    """Every table for ``courses`` (one course when ``course`` is given) over the last
    ``days`` days. ``user`` is who looks: revenue is hers (or the course instructor's)."""
    course_ids = [c.pk for c in courses]
    since = selectors.first_day(days)
    tables = {}

    funnel = _kept(selectors.funnel, course_ids=course_ids, since=since)
    funnel_rows = [
        (FUNNEL_LABELS[step], funnel[step], _percent(funnel[step], funnel["views"]))
        for step in selectors.FUNNEL
    ]
    tables["funnel"] = Table(
        "funnel",
        _("From page view to certificate"),
        [_("Step"), _("People"), _("Share of views")],
        funnel_rows,
        charts.bars(
            title=_("From page view to certificate"),
            description=_("How many people reached each step in the period."),
            rows=[(label, value) for label, value, _share in funnel_rows],
        ),
    )

    daily = _kept(selectors.daily, course_ids=course_ids, since=since)
    tables["daily"] = Table(
        "daily",
        _("Views and enrolments per day"),
        [_("Day"), _("Course page views"), _("Enrolments")],
        [(day.isoformat(), views, enrolments) for day, views, enrolments in daily],
        charts.line(
            title=_("Views and enrolments per day"),
            description=_("Course page views and enrolments, day by day."),
            labels=[date_format(day, "d/m") for day, *_rest in daily],
            series=[
                (_("Views"), [views for _day, views, _e in daily]),
                (_("Enrolments"), [enrolments for _day, _v, enrolments in daily]),
            ],
        ),
    )

    videos = _kept(selectors.video_quartiles, course_ids=course_ids, since=since)
    missed = _kept(selectors.most_missed, course_ids=course_ids, since=since)
    lesson_ids = set(videos) | {m.lesson_id for m in missed}
    if course is not None:
        lesson_ids |= {lesson.pk for lesson in course.lessons}
    lessons = learning.lessons_with_ids(lesson_ids)
    course_lessons = list(course.lessons) if course is not None else []
    # State points at the French pages; names follow the page's language (one query).
    named = [*courses, *lessons.values(), *course_lessons]
    shown = dict(
        zip(
            [page.pk for page in named],
            [page.title for page in localize_pages(named, active_locale())],
            strict=True,
        )
    )

    def lesson_title(lesson_id):
        return shown.get(lesson_id, f"#{lesson_id}")

    if course is not None:
        figures = _kept(selectors.lessons, course_ids=course_ids, since=since)
        rows = []
        for lesson in course_lessons:
            figure = figures.get(lesson.pk, selectors.LessonFigures(lesson.pk))
            rows.append(
                (
                    shown[lesson.pk],
                    figure.reached,
                    figure.done,
                    "" if figure.median_minutes is None else figure.median_minutes,
                )
            )
        tables["lessons"] = Table(
            "lessons",
            _("Where students stop"),
            [_("Lesson"), _("Reached"), _("Finished"), _("Median minutes")],
            rows,
            charts.bars(
                title=_("Where students stop"),
                description=_("Students who reached each lesson for the first time."),
                rows=[(row[0], row[1]) for row in rows],
            ),
        )

    video_rows = [
        (lesson_title(lesson_id), q[25], q[50], q[75], q[100])
        for lesson_id, q in sorted(videos.items(), key=lambda item: -item[1][25])
    ]
    tables["videos"] = Table(
        "videos",
        _("How far videos are watched"),
        [_("Lesson"), "25 %", "50 %", "75 %", "100 %"],
        video_rows,
        charts.bars(
            title=_("How far videos are watched"),
            description=_("Students whose player reached each quarter, all videos together."),
            rows=[
                (f"{q} %", sum(row[i + 1] for row in video_rows))
                for i, q in enumerate((25, 50, 75, 100))
            ],
        ),
    )

    # The questions as the reader's language says them (block ids follow the translation).
    read_in = learning.lessons_in_language(
        [lessons[m.lesson_id] for m in missed if m.lesson_id in lessons], get_language()
    )
    quiz_rows = []
    for miss in missed:
        question, choice = _question_text(
            read_in.get(miss.lesson_id), miss.quiz_id, miss.question_id, miss.wrong_choice_id
        )
        quiz_rows.append(
            (lesson_title(miss.lesson_id), question, miss.misses, choice, miss.wrong_choice_picks)
        )
    tables["quiz"] = Table(
        "quiz",
        _("Quiz questions most missed"),
        [_("Lesson"), _("Question"), _("Missed"), _("Wrong answer most chosen"), _("Chosen")],
        quiz_rows,
    )

    waiting = learning.waiting_work_counts(course_ids)
    tables["waiting"] = Table(
        "waiting",
        _("Practice work waiting for review"),
        [_("Course"), _("Waiting")],
        [(shown[c.pk], waiting.get(c.pk, 0)) for c in courses],
    )

    enrolments = learning.active_students(course_ids)
    activity = selectors.last_activity(
        course_ids=course_ids, user_ids=[e.user_id for e in enrolments]
    )
    titles = {c.pk: shown[c.pk] for c in courses}
    quiet = selectors.at_risk(enrolments, activity)
    tables["at_risk"] = Table(
        "at_risk",
        _("Students at risk (no activity for 7 days)"),
        [_("Student"), _("Course"), _("Last active")],
        [
            (
                e.user.get_full_name() or _("Student %(id)s") % {"id": e.user_id},
                titles[e.course_id],
                date_format(timezone.localtime(e.last_active_at), "SHORT_DATE_FORMAT"),
            )
            for e in quiet
        ],
    )
    tables["at_risk"].students = [e.user_id for e in quiet]

    payee_id = course.instructor.user_id if course is not None else user.pk
    revenue = reports.revenue_by_month_and_provider(
        payee=payee_id,
        item_type="course",
        item_ids=course_ids,
        since=day_bounds(since)[0],
    )
    tables["revenue"] = Table(
        "revenue",
        _("Revenue by month and provider (FCFA)"),
        [_("Month"), _("Provider"), _("Orders"), _("Paid"), _("Refunded"), _("Your share")],
        [
            (
                date_format(row.month, "YEAR_MONTH_FORMAT"),
                row.provider_label,
                row.orders,
                row.paid_xaf,
                row.refunded_xaf,
                row.payee_net_xaf,
            )
            for row in revenue
        ],
    )
    tables["ratings"] = _ratings_table(course_ids, since)
    payout_due = reports.payout_due(payee=payee_id)
    return {
        "tables": tables,
        "payout_due": payout_due,
        "since": since,
        "course_titles": [(c.pk, shown[c.pk]) for c in courses],
    }


def _ratings_table(course_ids, since):
    """The ratings received week by week and their average (weeks without any left out:
    an average of nothing is not a zero)."""
    weeks = _kept(platform_selectors.ratings_over_time, course_ids=course_ids, since=since)
    rows = [
        (
            _("Week of %(day)s") % {"day": date_format(week, "d/m")},
            ratings,
            round(stars / ratings, 1),
        )
        for week, (ratings, stars) in weeks.items()
        if ratings
    ]
    return Table(
        "ratings",
        _("Ratings over time"),
        [_("Week"), _("Ratings"), _("Average (out of 5)")],
        rows,
        charts.bars(
            title=_("Average rating per week"),
            description=_("The average of the ratings students gave each week, out of 5."),
            rows=[(week, average) for week, _count, average in rows],
        ),
    )
