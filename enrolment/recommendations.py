"""Recommendations, each with its reason: "students who took this course also took …"
from co-enrolment counts rebuilt nightly, and "recommended for you" on My learning
(the next course of a started curriculum, then courses like the ones she finished or
taught in her town)."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from core import cache_tags
from core.cache_tags import invalidate
from core.page_locales import PAGE_LINK_FIELDS, active_locale, default_locale, localized_by_pk
from core.text import fold

from .models import CoEnrolment, Enrolment
from .pages import course_model
from .selectors import enrolments_of

# Below this, a pair says more about one student than about the courses (and would
# show who took what on a small course).
MIN_SHARED_STUDENTS = 3
ALSO_TAKEN_SHOWN = 3
RECOMMENDED_SHOWN = 6
# What every reader shares ("also took" for anonymous readers, the candidates of
# "recommended for you") is kept this long at most; a page published, unpublished,
# moved or deleted anywhere (PAGE_TREE), a site-wide change such as a category (ALL)
# or the nightly co-enrolment build (its tags) makes it stale at once.
CANDIDATES_SECONDS = 300
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
            with connection.cursor() as cursor:
                # The self-join is planned from the enrolments' statistics: after a bulk
                # import that autovacuum has not analysed yet, they describe a near-empty
                # table and the plan becomes a nested loop over every pair of enrolments
                # (seen: a build at 100,000 enrolments still running after 14 minutes
                # instead of 0.2 s). Sampling them again costs milliseconds a night.
                cursor.execute(f"ANALYZE {connection.ops.quote_name(Enrolment._meta.db_table)}")
                # Two builds at once would insert the same pairs: the second waits here
                # (readers are not blocked). SQLite lets one writer in at a time anyway.
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


def also_taken(*, user, course, course_id):
    """Up to three live courses, in the page's language, most shared first, that
    students of `course` (default-locale id `course_id`) also took; never one this
    reader took. One query; none for an anonymous reader while the course's pairs
    (the nightly build bumps their tag) and the page tree stay the same."""
    if user.is_authenticated:
        return _also_taken(course, exclude=_taken_keys(user))
    tags = (cache_tags.ALL, cache_tags.PAGE_TREE, also_taken_tag(course_id))
    versions = cache_tags.current_versions(tags)
    return cache.get_or_set(
        f"also-taken:{course.pk}:{'-'.join(versions[tag] for tag in tags)}",
        lambda: _also_taken(course),
        CANDIDATES_SECONDS,
    )


def _also_taken(course, exclude=None):
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
        # Its link and title only: a course row is wide (summary, outcomes, body).
        .only(*PAGE_LINK_FIELDS)
    )
    if exclude is not None:
        courses = courses.exclude(translation_key__in=exclude)
    return list(courses.order_by("-shared_students", "pk")[:ALSO_TAKEN_SHOWN])


@dataclass(frozen=True)
class Recommendation:
    course: object
    reason: str


@dataclass(frozen=True)
class _Course:
    """What a recommendation rule reads of a course: plain values, cheap to keep."""

    pk: int
    translation_key: object
    locale_id: int
    category_id: int | None
    level: str
    video_language: str
    instructor_id: int | None = None


_COURSE_VALUES = (
    "pk",
    "translation_key",
    "locale_id",
    "category_id",
    "level",
    "video_language",
    "instructor_id",
)


def _candidates():
    """{"courses": {pk: _Course}, "curricula": [(pk, [course pk in order])],
    "instructor_towns": {instructor pk: [(town key, town as typed)]}}: what every
    student's recommendations are chosen from, read once per version of the page tree."""
    versions = cache_tags.current_versions((cache_tags.ALL, cache_tags.PAGE_TREE))
    version = f"{versions[cache_tags.ALL]}-{versions[cache_tags.PAGE_TREE]}"
    return cache.get_or_set(
        f"recommendations:candidates:{version}", _read_candidates, CANDIDATES_SECONDS
    )


def _shown_pages(pks, locale):
    """localized_by_pk(pks, locale), kept like the candidates: public pages, the same
    for every student they are chosen for, whose titles and addresses change only with
    the page tree."""
    if not pks:
        return {}
    versions = cache_tags.current_versions((cache_tags.ALL, cache_tags.PAGE_TREE))
    version = f"{versions[cache_tags.ALL]}-{versions[cache_tags.PAGE_TREE]}"
    ids = ",".join(str(pk) for pk in pks)
    return cache.get_or_set(
        f"recommendations:shown:{version}:{locale.language_code}:{ids}",
        lambda: localized_by_pk(pks, locale),
        CANDIDATES_SECONDS,
    )


def _read_candidates():
    default = default_locale()
    # course_pages sits above enrolment: its models are looked up, not imported.
    curricula = [
        (pk, [block.get("value") for block in courses.raw_data if block.get("value")])
        for pk, courses in apps.get_model("course_pages", "CurriculumPage")
        .objects.live()
        .filter(locale=default)
        .order_by("path")
        .values_list("pk", "courses")
    ]
    in_curricula = {course_id for _pk, ids in curricula for course_id in ids}
    courses = {
        row[0]: _Course(*row)
        for row in course_model()
        .objects.live()
        .filter(Q(locale=default) | Q(pk__in=in_curricula))
        .order_by("pk")
        .values_list(*_COURSE_VALUES)
    }
    instructor_towns = {
        pk: [(_town_key(name), name.strip()) for name in TOWN_SEPARATORS.split(towns)]
        for pk, towns in apps.get_model("course_pages", "InstructorPage")
        .objects.filter(locale=default)
        .exclude(towns="")
        .values_list("pk", "towns")
    }
    return {
        "locale_id": default.pk,
        "courses": courses,
        "curricula": [(pk, [i for i in ids if i in courses]) for pk, ids in curricula],
        "instructor_towns": instructor_towns,
    }


def _curricula_next(*, candidates, taken):
    """(course, curriculum pk) for each started curriculum's first course not taken yet."""
    courses = candidates["courses"]
    found = []
    for curriculum_pk, ids in candidates["curricula"]:
        ordered = [courses[course_id] for course_id in ids]
        if not any(course.translation_key in taken for course in ordered):
            continue
        following = next((c for c in ordered if c.translation_key not in taken), None)
        if following is not None:
            found.append((following, curriculum_pk))
    return found


def _open_to_her(candidates, *, taken, exclude_ids):
    """The live courses of the default language she has not taken, not yet picked, by pk."""
    return [
        course
        for course in candidates["courses"].values()
        if course.locale_id == candidates["locale_id"]
        and course.translation_key not in taken
        and course.pk not in exclude_ids
    ]


def _like_finished(*, candidates, finished, taken, exclude_ids):
    """(course, finished course) for live courses of a finished course's category,
    those sharing its level and language too first."""
    if not finished:
        return []
    categories = {c.category_id for c in finished}

    def closeness(course, model):
        return (course.level == model.level) + (course.video_language == model.video_language)

    ranked = []
    for course in _open_to_her(candidates, taken=taken, exclude_ids=exclude_ids):
        if course.category_id not in categories:
            continue
        model = max(
            (c for c in finished if c.category_id == course.category_id),
            key=lambda c: closeness(course, c),
        )
        ranked.append((-closeness(course, model), course.pk, course, model))
    ranked.sort(key=lambda row: row[:2])
    return [(course, model) for _score, _pk, course, model in ranked]


def _town_key(name):
    return " ".join(fold(name).split())


def _taught_near(*, candidates, town, taken, exclude_ids):
    """(course, town as the instructor spells it) for live courses whose instructor
    teaches in the student's town, accent- and case-blind."""
    wanted = _town_key(town)
    if not wanted:
        return []
    near = {}
    for pk, towns in candidates["instructor_towns"].items():
        for key, name in towns:
            if key == wanted:
                near[pk] = name
    if not near:
        return []
    return [
        (course, near[course.instructor_id])
        for course in _open_to_her(candidates, taken=taken, exclude_ids=exclude_ids)
        if course.instructor_id in near
    ]


def _like_or_near(*, candidates, finished, town, taken, exclude_ids):
    """(course, finished course or None, town or None), best first: a course both like
    one she finished and taught in her town, then like-finished ones by closeness, then
    the ones only taught nearby."""
    mine = {"candidates": candidates, "taken": taken, "exclude_ids": exclude_ids}
    like = _like_finished(finished=finished, **mine)
    near = _taught_near(town=town, **mine)
    rows = {course.pk: [course, model, None] for course, model in like}
    for course, found in near:
        rows.setdefault(course.pk, [course, None, None])[2] = found
    like_rank = {course.pk: rank for rank, (course, _model) in enumerate(like)}

    def rank(row):
        course, model, found = row
        signals = (model is not None) + (found is not None)
        return (-signals, like_rank.get(course.pk, len(like)), course.pk)

    return [tuple(row) for row in sorted(rows.values(), key=rank)]


def recommended_for(user, *, enrolments=None):
    """Up to six courses for My learning, each with why, in the active language: the
    next course of each curriculum she started, then courses like those she finished or
    taught in her town (her profile's). Never a course she took.

    Chosen from the candidates every student shares (kept per page-tree version) with
    her own enrolments (`enrolments`: enrolment.selectors.enrolments_of, when read
    already): a query for the pages shown, and one for her enrolments if not given."""
    if enrolments is None:
        enrolments = enrolments_of(user)
    # Any enrolment counts as taken, even one whose access was removed.
    taken = {e.course.translation_key for e in enrolments}
    finished = [
        _Course(*(getattr(e.course, field) for field in _COURSE_VALUES))
        for e in enrolments
        if e.status == Enrolment.Status.COMPLETED
    ]
    if not taken and not (user.town or "").strip():
        return []  # a newcomer without a town: no rule can pick anything
    candidates = _candidates()
    picked = {}
    for course, curriculum_pk in _curricula_next(candidates=candidates, taken=taken):
        picked.setdefault(course.pk, (course, "curriculum", curriculum_pk, None))
    for course, model, town in _like_or_near(
        candidates=candidates,
        finished=finished,
        town=user.town or "",
        taken=taken,
        exclude_ids=set(picked),
    ):
        picked.setdefault(course.pk, (course, "finished", model and model.pk, town))
    chosen = list(picked.values())[:RECOMMENDED_SHOWN]
    shown = _shown_pages(
        [course.pk for course, *_rest in chosen]
        + [why for _course, _kind, why, _town in chosen if why is not None],
        active_locale(),
    )
    return [
        Recommendation(shown[course.pk], _reason(shown, kind, why, town))
        for course, kind, why, town in chosen
        if course.pk in shown
    ]


def _reason(shown, kind, why, town):
    """Every rule that chose a course, in words: the curriculum or finished course
    that led to it, and the town where it is taught."""
    parts = []
    if why in shown:
        title = shown[why].title
        if kind == "curriculum":
            parts.append(_("Next in your learning path “%(path)s”") % {"path": title})
        else:
            parts.append(_("Because you finished “%(course)s”") % {"course": title})
    if town:
        parts.append(_("Taught near you in %(town)s") % {"town": town})
    return " · ".join(parts)
