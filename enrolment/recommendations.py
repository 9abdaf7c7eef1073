"""Recommendations, each with its reason: "students who took this course also took …"
from co-enrolment counts rebuilt nightly, and "recommended for you" on My learning
(the next course of a started curriculum, then courses like the ones she finished or
taught in her town)."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from core.cache_tags import invalidate
from core.page_locales import active_locale, default_locale, localize_pages
from core.text import fold

from .models import CoEnrolment, Enrolment
from .pages import course_model

# Below this, a pair says more about one student than about the courses (and would
# show who took what on a small course).
MIN_SHARED_STUDENTS = 3
ALSO_TAKEN_SHOWN = 3
RECOMMENDED_SHOWN = 6
# The columns a recommendation reads: its rules (category, level, language, instructor)
# and its link (`{% pageurl %}`); a course row is wide (summary, outcomes, body).
COURSE_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "locale_id",
    "translation_key",
    "content_type_id",
    "category_id",
    "level",
    "video_language",
    "instructor_id",
)
# An instructor's towns are typed by hand: "Douala, Kribi", "Bamenda / Buea".
TOWN_SEPARATORS = re.compile(r"[,;/\n]+")


def also_taken_tag(course_id):
    """The cache tag of a course page's "also took" block (default-locale course id)."""
    return f"co-enrolment:{course_id}"


def _rebuild_sql():
    enrolment = connection.ops.quote_name(Enrolment._meta.db_table)
    pairs = connection.ops.quote_name(CoEnrolment._meta.db_table)
    # One self-join aggregate: every pair of courses one student holds, counted per pair.
    return f"""
        INSERT INTO {pairs} (course_id, other_id, shared_students)
        SELECT mine.course_id, theirs.course_id, COUNT(*)
        FROM {enrolment} mine JOIN {enrolment} theirs
            ON theirs.user_id = mine.user_id AND theirs.course_id <> mine.course_id
        WHERE mine.status <> %s AND theirs.status <> %s
        GROUP BY mine.course_id, theirs.course_id HAVING COUNT(*) >= %s
    """  # noqa: S608 - only the models' own table names are formatted in


def rebuild_co_enrolments():
    """Replace every co-enrolment pair in one transaction (readers see the old rows
    or the new ones, never none), and make stale the course pages whose pairs changed.
    Idempotent: a second run changes nothing and invalidates nothing."""
    revoked = Enrolment.Status.REVOKED
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two builds at once would insert the same pairs: the second waits here
            # (readers are not blocked). SQLite lets one writer in at a time anyway.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"LOCK TABLE {connection.ops.quote_name(CoEnrolment._meta.db_table)} "
                    "IN EXCLUSIVE MODE"
                )
        before = set(CoEnrolment.objects.values_list("course_id", "other_id", "shared_students"))
        CoEnrolment.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(_rebuild_sql(), [revoked, revoked, MIN_SHARED_STUDENTS])
        after = set(CoEnrolment.objects.values_list("course_id", "other_id", "shared_students"))
        changed = {course_id for course_id, _other, _count in before ^ after}
        invalidate(*(also_taken_tag(course_id) for course_id in sorted(changed)))
    return len(after)


def _taken_keys(user):
    # Any enrolment counts as taken, even one whose access was removed.
    return Enrolment.objects.filter(user=user).values("course__translation_key")


def also_taken(*, user, course):
    """Up to three live courses, in the page's language, most shared first, that
    students of `course` also took; never one this reader took. One query."""
    shared = CoEnrolment.objects.filter(
        course__translation_key=course.translation_key,
        other__translation_key=OuterRef("translation_key"),
    ).values("shared_students")[:1]
    courses = (
        course_model()
        .objects.live()
        .filter(locale_id=course.locale_id)
        .annotate(shared_students=Subquery(shared))
        .filter(shared_students__isnull=False)
    )
    if user.is_authenticated:
        courses = courses.exclude(translation_key__in=_taken_keys(user))
    return list(courses.order_by("-shared_students", "pk")[:ALSO_TAKEN_SHOWN])


@dataclass(frozen=True)
class Recommendation:
    course: object
    reason: str


def _curricula_next(*, courses_by_id, curricula, taken):
    """(course, curriculum) for each started curriculum's first course not taken yet."""
    found = []
    for curriculum in curricula:
        ordered = [
            courses_by_id[block["value"]]
            for block in curriculum.courses.raw_data
            if block.get("value") in courses_by_id
        ]
        if not any(course.translation_key in taken for course in ordered):
            continue
        following = next((c for c in ordered if c.translation_key not in taken), None)
        if following is not None:
            found.append((following, curriculum))
    return found


def _like_finished(*, finished, taken, exclude_ids, locale):
    """(course, finished course) for live courses of a finished course's category,
    those sharing its level and language too first."""
    if not finished:
        return []
    candidates = (
        course_model()
        .objects.live()
        .filter(locale=locale, category_id__in={c.category_id for c in finished})
        .exclude(Q(translation_key__in=taken) | Q(pk__in=exclude_ids))
        .only(*COURSE_FIELDS)
        .order_by("pk")
    )

    def closeness(course, model):
        return (course.level == model.level) + (course.video_language == model.video_language)

    ranked = []
    for course in candidates:
        model = max(
            (c for c in finished if c.category_id == course.category_id),
            key=lambda c: closeness(course, c),
        )
        ranked.append((-closeness(course, model), course.pk, course, model))
    ranked.sort(key=lambda row: row[:2])
    return [(course, model) for _score, _pk, course, model in ranked]


def _town_key(name):
    return " ".join(fold(name).split())


def _taught_near(*, town, taken, exclude_ids, locale):
    """(course, town as the instructor spells it) for live courses whose instructor
    teaches in the student's town, accent- and case-blind. Two queries, none without
    a town."""
    wanted = _town_key(town)
    if not wanted:
        return []
    # course_pages sits above enrolment: its instructor model is looked up, not imported.
    instructors = (
        apps.get_model("course_pages", "InstructorPage")
        .objects.filter(locale=locale)
        .exclude(towns="")
        .values_list("pk", "towns")
    )
    near = {}
    for pk, towns in instructors:
        for name in TOWN_SEPARATORS.split(towns):
            if _town_key(name) == wanted:
                near[pk] = name.strip()
    if not near:
        return []
    courses = (
        course_model()
        .objects.live()
        .filter(locale=locale, instructor_id__in=near)
        .exclude(Q(translation_key__in=taken) | Q(pk__in=exclude_ids))
        .only(*COURSE_FIELDS)
        .order_by("pk")
    )
    return [(course, near[course.instructor_id]) for course in courses]


def _like_or_near(*, finished, town, taken, exclude_ids, locale):
    """(course, finished course or None, town or None), best first: a course both like
    one she finished and taught in her town, then like-finished ones by closeness, then
    the ones only taught nearby."""
    like = _like_finished(finished=finished, taken=taken, exclude_ids=exclude_ids, locale=locale)
    near = _taught_near(town=town, taken=taken, exclude_ids=exclude_ids, locale=locale)
    rows = {course.pk: [course, model, None] for course, model in like}
    for course, found in near:
        rows.setdefault(course.pk, [course, None, None])[2] = found
    like_rank = {course.pk: rank for rank, (course, _model) in enumerate(like)}

    def rank(row):
        course, model, found = row
        signals = (model is not None) + (found is not None)
        return (-signals, like_rank.get(course.pk, len(like)), course.pk)

    return [tuple(row) for row in sorted(rows.values(), key=rank)]


def recommended_for(user):
    """Up to six courses for My learning, each with why, in the active language: the
    next course of each curriculum she started, then courses like those she finished or
    taught in her town (her profile's). Never a course she took. A fixed number of
    queries."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .only("status", *(f"course__{field}" for field in COURSE_FIELDS))
    )
    taken = {e.course.translation_key for e in enrolments}
    finished = [e.course for e in enrolments if e.status == Enrolment.Status.COMPLETED]
    default = default_locale()
    # course_pages sits above enrolment: its curriculum model is looked up, not imported.
    curricula = list(
        apps.get_model("course_pages", "CurriculumPage")
        .objects.live()
        .filter(locale=default)
        # Its ordered courses, and its title and link in the reader's language.
        .only("title", "translation_key", "locale_id", "path", "courses")
        .order_by("path")
    )
    course_ids = {
        block.get("value") for curriculum in curricula for block in curriculum.courses.raw_data
    }
    courses_by_id = {
        course.pk: course
        for course in course_model().objects.live().filter(pk__in=course_ids).only(*COURSE_FIELDS)
    }
    picked = {}
    for course, curriculum in _curricula_next(
        courses_by_id=courses_by_id, curricula=curricula, taken=taken
    ):
        picked.setdefault(course.pk, (course, "curriculum", curriculum, None))
    for course, model, town in _like_or_near(
        finished=finished, town=user.town, taken=taken, exclude_ids=set(picked), locale=default
    ):
        picked.setdefault(course.pk, (course, "finished", model, town))
    chosen = list(picked.values())[:RECOMMENDED_SHOWN]
    locale = active_locale()
    shown = {
        page.translation_key: page
        for page in localize_pages(
            [course for course, *_rest in chosen]
            + [why for _course, _kind, why, _town in chosen if why is not None],
            locale,
        )
    }
    return [
        Recommendation(shown[course.translation_key], _reason(shown, kind, why, town))
        for course, kind, why, town in chosen
    ]


def _reason(shown, kind, why, town):
    """Every rule that chose a course, in words: the curriculum or finished course
    that led to it, and the town where it is taught."""
    parts = []
    if why is not None:
        title = shown[why.translation_key].title
        if kind == "curriculum":
            parts.append(_("Next in your learning path “%(path)s”") % {"path": title})
        else:
            parts.append(_("Because you finished “%(course)s”") % {"course": title})
    if town:
        parts.append(_("Taught near you in %(town)s") % {"town": town})
    return " · ".join(parts)
