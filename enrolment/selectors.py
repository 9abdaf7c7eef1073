"""Reads about learning state. Everything is keyed on the default-locale pages."""

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Locale

from core import cache_tags
from core.cache_tags import page_tag
from core.page_locales import PAGE_LINK_FIELDS, active_locale, canonical, localize_pages
from core.roles import is_moderator, teaches

from .lesson_blocks import find_assignment, quizzes
from .models import (
    CourseRating,
    CourseReview,
    Enrolment,
    LessonProgress,
    PeerReview,
    QuizAttempt,
    Submission,
    SubmissionPhoto,
    SubmissionVideo,
)
from .pages import course_model, lesson_model

PEER_REVIEWS_PER_SUBMISSION = 2
MAX_PHOTOS_PER_SUBMISSION = 5
# A student must give this many reviews before seeing the reviews of their own work.
REVIEWS_TO_GIVE_BEFORE_FEEDBACK = 2


# "Not read yet", where None would mean "read: she has none".
UNREAD = object()


def enrolment_for(*, user, course):
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course=canonical(course))
        .exclude(status=Enrolment.Status.REVOKED)
        .first()
    )


def required_lessons(course):
    return lesson_model().objects.live().child_of(canonical(course)).filter(is_required=True)


def completed_lesson_keys(enrolment):
    """translation_keys of the lessons this enrolment has completed."""
    return set(
        LessonProgress.objects.filter(enrolment=enrolment).values_list(
            "lesson__translation_key", flat=True
        )
    )


def tested_out_keys(enrolment):
    """translation_keys of the lessons this enrolment skipped by a quiz score."""
    return set(
        LessonProgress.objects.filter(
            enrolment=enrolment, reason=LessonProgress.Reason.TESTED_OUT
        ).values_list("lesson__translation_key", flat=True)
    )


def course_progress(enrolment):
    """(done, total, percent) over the course's required lessons."""
    keys = set(required_lessons(enrolment.course).values_list("translation_key", flat=True))
    done = len(keys & completed_lesson_keys(enrolment))
    total = len(keys)
    return done, total, (100 * done // total if total else 0)


# What "recommended for you" reads of her courses besides their link
# (enrolment/recommendations.py): read with My learning's enrolments, in their query.
COURSE_RULE_FIELDS = ("category_id", "level", "video_language", "instructor_id")


def enrolments_of(user):
    """Every enrolment of hers, newest first, access removed or not, with the columns of
    its course that My learning and its recommendations read: one query for both."""
    return list(
        Enrolment.objects.filter(user=user)
        .select_related("course", "last_lesson")
        # A course row is wide (summary, outcomes, body): only its link, title and place.
        .only(
            *(field.name for field in Enrolment._meta.concrete_fields),
            *(f"course__{field}" for field in (*PAGE_LINK_FIELDS, *COURSE_RULE_FIELDS)),
            "last_lesson__translation_key",
        )
        .order_by("-enrolled_at")
    )


def my_learning(user, *, enrolments=None):
    """The student's enrolments with progress counts, in a fixed number of queries.
    `enrolments`: enrolments_of(user), when the caller has read them already."""
    if enrolments is None:
        enrolments = enrolments_of(user)
    enrolments = [e for e in enrolments if e.status != Enrolment.Status.REVOKED]
    lessons_by_course = live_lessons_by_course([e.course for e in enrolments])
    # The required ones among the live lessons already read: no counting query of its own.
    totals = {
        path: sum(1 for lesson in lessons if lesson.is_required)
        for path, lessons in lessons_by_course.items()
    }
    # Every progress row of every enrolment in one query: the keys done (for "Resume")
    # and their number (the progress bar), instead of a COUNT joined to the enrolments.
    done_by_enrolment = {}
    done_counts = {}
    for enrolment_id, key in LessonProgress.objects.filter(enrolment__in=enrolments).values_list(
        "enrolment_id", "lesson__translation_key"
    ):
        done_by_enrolment.setdefault(enrolment_id, set()).add(key)
        done_counts[enrolment_id] = done_counts.get(enrolment_id, 0) + 1
    for enrolment in enrolments:
        enrolment.done = done_counts.get(enrolment.pk, 0)
    resumes = [
        resume_lesson(
            lessons=lessons_by_course.get(e.course.path, []),
            last_key=e.last_lesson.translation_key if e.last_lesson else None,
            done_keys=done_by_enrolment.get(e.pk, set()),
        )
        for e in enrolments
    ]
    locale = active_locale()
    courses = localize_pages([e.course for e in enrolments], locale)
    shown_resumes = {
        lesson.translation_key: lesson
        for lesson in localize_pages([r for r in resumes if r is not None], locale)
    }
    for enrolment, shown_course, resume in zip(enrolments, courses, resumes, strict=True):
        enrolment.shown_course = shown_course
        enrolment.shown_resume_lesson = (
            shown_resumes.get(resume.translation_key) if resume is not None else None
        )
        total = totals.get(enrolment.course.path, 0)
        enrolment.total = total
        enrolment.percent = 100 * min(enrolment.done, total) // total if total else 0
    return enrolments


def resume_lesson(*, lessons, last_key, done_keys):
    """The one lesson "Resume" opens, on the course page and in My learning: the last
    lesson opened when it is not done yet, else the next one not done after it
    (going round to the start), or None when every lesson is done."""
    keys = [lesson.translation_key for lesson in lessons]
    start = keys.index(last_key) if last_key in keys else 0
    return next(
        (
            lesson
            for lesson in lessons[start:] + lessons[:start]
            if lesson.translation_key not in done_keys
        ),
        None,
    )


# A course's live lessons are kept at most this long; any lesson published,
# unpublished, moved or deleted below it makes them stale at once (its page tag).
LESSONS_SECONDS = 300


def live_lessons_by_course(courses):
    """{course path: [live lessons in order]} for pages of one depth: each course's kept
    in the cache under the version of its page tag, the others read in one query."""
    if not courses:
        return {}
    versions = cache_tags.current_versions([page_tag(course) for course in courses])
    names = {
        f"live-lessons:{course.pk}:{course.path}:{versions[page_tag(course)]}": course
        for course in courses
    }
    kept = cache.get_many(list(names))
    grouped = {names[name].path: lessons for name, lessons in kept.items()}
    missing = [course for name, course in names.items() if name not in kept]
    if missing:
        read = _read_live_lessons(missing)
        cache.set_many(
            {name: read.get(course.path, []) for name, course in names.items() if name not in kept},
            LESSONS_SECONDS,
        )
        grouped.update(read)
    return {path: lessons for path, lessons in grouped.items() if lessons}


def _read_live_lessons(courses):
    lesson_type = lesson_model()
    step = lesson_type.steplen
    lessons = (
        lesson_type.objects.live()
        .filter(depth=courses[0].depth + 1)
        .annotate(parent_path=Substr("path", 1, Length("path") - step))
        .filter(parent_path__in=[course.path for course in courses])
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "locale_id",
            "translation_key",
            "is_required",
        )
        .order_by("path")
    )
    grouped = {}
    for lesson in lessons:
        grouped.setdefault(lesson.parent_path, []).append(lesson)
    return grouped


def required_lesson_counts(courses):
    """{course path: number of live required lessons} in one query."""
    paths = [course.path for course in courses]
    if not paths:
        return {}
    lesson_type = lesson_model()
    step = lesson_type.steplen
    rows = (
        lesson_type.objects.live()
        .filter(is_required=True, depth=courses[0].depth + 1)
        .annotate(parent_path=Substr("path", 1, Length("path") - step))
        .filter(parent_path__in=paths)
        .order_by()  # the default ordering by path would split the groups
        .values("parent_path")
        .annotate(count=Count("pk"))
    )
    return {row["parent_path"]: row["count"] for row in rows}


def reviews_given(*, user, course):
    return PeerReview.objects.filter(
        reviewer=user, submission__enrolment__course=canonical(course)
    ).count()


def can_see_peer_feedback(*, user, course):
    return reviews_given(user=user, course=course) >= REVIEWS_TO_GIVE_BEFORE_FEEDBACK


def submissions_to_review(*, user, course=None):
    """Peer work waiting for reviews that this student may give (oldest first)."""
    queryset = (
        Submission.objects.filter(status=Submission.Status.AWAITING_PEERS)
        .exclude(enrolment__user=user)
        .exclude(peer_reviews__reviewer=user)
        .filter(
            enrolment__course__in=Enrolment.objects.filter(user=user)
            .exclude(status=Enrolment.Status.REVOKED)
            .values("course")
        )
        .annotate(review_count=Count("peer_reviews"))
        .filter(review_count__lt=PEER_REVIEWS_PER_SUBMISSION)
        .select_related("lesson", "enrolment__course")
        .order_by("submitted_at")
    )
    if course is not None:
        queryset = queryset.filter(enrolment__course=canonical(course))
    return queryset


def next_lesson(lesson):
    lessons = lesson.course.lessons
    keys = [item.pk for item in lessons]
    if lesson.pk in keys and keys.index(lesson.pk) + 1 < len(lessons):
        return lessons[keys.index(lesson.pk) + 1]
    return None


def assignment_of(submission, lesson):
    return find_assignment(lesson, submission.assignment_id)


def my_submissions(user):
    return (
        Submission.objects.filter(enrolment__user=user)
        .select_related("lesson", "enrolment__course")
        .order_by("-submitted_at")[:20]
    )


def my_recent_work(user):
    """My learning's practice work list: the newest twenty, each with its lesson in
    the reader's language, reading only the columns the list shows (two queries)."""
    return with_shown_lessons(
        Submission.objects.filter(enrolment__user=user)
        .select_related("lesson")
        .only("id", "status", "lesson__title", "lesson__translation_key", "lesson__locale_id")
        .order_by("-submitted_at")[:20]
    )


def with_shown_lessons(submissions):
    """Attach `shown_lesson`: the lesson in the reader's language (one query)."""
    submissions = list(submissions)
    lessons = localize_pages([s.lesson for s in submissions], active_locale())
    for submission, lesson in zip(submissions, lessons, strict=True):
        submission.shown_lesson = lesson
    return submissions


def work_she_decides(*, user, submission_id):
    """Practice work of a course `user` teaches (any, for a moderator) with its course,
    student and lesson: what her verdict may be given on, from the teaching page or the
    API. None for anybody else's (they answer "not found")."""
    submission = (
        Submission.objects.select_related(
            "enrolment__course__instructor", "enrolment__user", "lesson"
        )
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        return None
    if not (teaches(user, submission.enrolment.course) or is_moderator(user)):
        return None
    return submission


def can_see_submission(*, user, submission):
    """The author, classmates who may review it, the instructor and moderators."""
    if not user.is_authenticated:
        return False
    if submission.enrolment.user_id == user.pk or is_moderator(user):
        return True
    if teaches(user, submission.enrolment.course):
        return True
    if submission.peer_reviews.filter(reviewer=user).exists():
        return True
    return submissions_to_review(user=user).filter(pk=submission.pk).exists()


def can_see_video(*, user, video):
    """A practice video opens like the work's photos; once hidden after reports, only
    to moderators (who decide on it)."""
    if not video.is_visible:
        return user.is_authenticated and is_moderator(user)
    return can_see_submission(user=user, submission=video.submission)


def photo_she_may_see(user, photo_id):
    """A practice work photo `user` may open (the rule of `can_see_submission`), for the
    pages and the API alike; None for a missing one or anybody else's."""
    photo = (
        SubmissionPhoto.objects.select_related("submission__enrolment__course__instructor")
        .filter(pk=photo_id)
        .first()
    )
    if photo is None or not can_see_submission(user=user, submission=photo.submission):
        return None
    return photo


# A prepared video's parts, as the page and the API serve them: its field, content type.
VIDEO_PARTS = {"mp4": ("file", "video/mp4"), "poster": ("poster", "image/webp")}


def video_she_may_see(user, video_id):
    """A prepared practice video `user` may open (the rule of `can_see_video`), for the
    pages and the API alike; None for a missing, unprepared or anybody else's one."""
    video = (
        SubmissionVideo.objects.select_related("submission__enrolment__course__instructor")
        .filter(pk=video_id, state=SubmissionVideo.State.READY)
        .first()
    )
    if video is None or not can_see_video(user=user, video=video):
        return None
    return video


def video_part_she_may_see(user, video_id, part):
    """(file, content type) of a prepared practice video's part ("mp4", "poster") that
    `user` may open, for the pages and the API alike; None otherwise."""
    if part not in VIDEO_PARTS:
        return None
    video = video_she_may_see(user, video_id)
    if video is None:
        return None
    field, content_type = VIDEO_PARTS[part]
    return getattr(video, field), content_type


def start_of_today():
    """Daily quiz attempts are counted from local midnight (Africa/Douala)."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def quiz_states(*, enrolment, lesson, attempts=None):
    """{quiz id: attempts (newest first), attempts_left today, passed} in one query.
    `attempts`: her attempts on this lesson, newest first, when already read."""
    if attempts is None:
        attempts = list(
            QuizAttempt.objects.filter(
                enrolment=enrolment, lesson__translation_key=lesson.translation_key
            ).order_by("-created_at")
        )
    today = start_of_today()
    states = {}
    for quiz in quizzes(lesson):
        mine = [attempt for attempt in attempts if attempt.quiz_id == quiz.id]
        used_today = sum(1 for attempt in mine if attempt.created_at >= today)
        states[quiz.id] = {
            "attempts": mine,
            "attempts_left": max(quiz.max_attempts_per_day - used_today, 0),
            "passed": any(attempt.passed for attempt in mine),
        }
    return states


def students_progress(course):
    """Enrolments of a course with the number of lessons each student completed."""
    enrolments = list(
        Enrolment.objects.filter(course=canonical(course))
        .select_related("user")
        .annotate(done=Count("progress", distinct=True))
        .order_by("user__last_name", "user__first_name")
    )
    total = required_lesson_counts([canonical(course)]).get(canonical(course).path, 0)
    for enrolment in enrolments:
        enrolment.total = total
        enrolment.percent = 100 * min(enrolment.done, total) // total if total else 0
    return enrolments


def completion_count():
    """How many enrolments reached the end of their course (home page proof)."""
    return Enrolment.objects.filter(status=Enrolment.Status.COMPLETED).count()


def enrolments_for_support(user):
    """All of a person's enrolments, removed ones too, newest first, each with `done`,
    `total` and `percent` over the required lessons and `submissions` (practice work
    handed in). Three queries, however many there are."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .annotate(
            done=Count("progress", distinct=True),
            submissions_count=Count("submissions", distinct=True),
        )
        .order_by("-enrolled_at")
    )
    totals = required_lesson_counts([e.course for e in enrolments])
    for enrolment in enrolments:
        total = totals.get(enrolment.course.path, 0)
        enrolment.total = total
        enrolment.percent = 100 * min(enrolment.done, total) // total if total else 0
    return enrolments


def courses_to_enrol_in():
    """The live default-locale courses support may open to a person, by title."""
    return course_model().objects.live().filter(locale=Locale.get_default()).order_by("title")


def courses_taught(user):
    """The default-locale courses a person may see the teaching side of: her own, or
    all of them for a moderator."""
    courses = course_model().objects.filter(locale=Locale.get_default())
    if not is_moderator(user):
        courses = courses.filter(instructor__user=user)
    return courses


def courses_with_student_counts(user):
    """The courses a person teaches (courses_taught), by title, each with `students`."""
    return list(
        courses_taught(user).annotate(students=Count("enrolments", distinct=True)).order_by("title")
    )


def work_to_decide(course_ids):
    """Practice work of these courses still waiting for a decision (instructor first,
    then peers), oldest first, with its student, lesson and course."""
    return (
        Submission.objects.filter(
            enrolment__course__in=course_ids,
            status__in=[Submission.Status.AWAITING_INSTRUCTOR, Submission.Status.AWAITING_PEERS],
        )
        .select_related("enrolment__user", "lesson", "enrolment__course")
        .order_by("status", "submitted_at", "pk")
    )


def waiting_work_counts(course_ids):
    """Course id → practice work waiting for a decision (instructor or peers)."""
    rows = (
        Submission.objects.filter(
            enrolment__course__in=course_ids,
            status__in=[Submission.Status.AWAITING_INSTRUCTOR, Submission.Status.AWAITING_PEERS],
        )
        .values("enrolment__course")
        .annotate(n=Count("pk"))
    )
    return {row["enrolment__course"]: row["n"] for row in rows}


def active_students(course_ids):
    """Enrolments still under way in these courses, with their students, oldest first."""
    return list(
        Enrolment.objects.filter(course__in=course_ids, status=Enrolment.Status.ACTIVE)
        .select_related("user")
        .order_by("enrolled_at", "pk")
    )


def lessons_with_ids(ids):
    """Lesson id → lesson page (with its body, for quiz questions' texts)."""
    return {lesson.pk: lesson for lesson in lesson_model().objects.filter(pk__in=ids)}


REVIEWS_SHOWN = 20


# A course's rating and visible reviews are kept at most this long; a review written,
# edited, answered, hidden or restored makes them stale at once (reviews.py bumps the
# course page's tags, in every language).
REVIEWS_SECONDS = 300


def course_reviews(course):
    """(average, count, newest visible reviews with their authors' first names) of a
    course: kept under the version of the page's tag, else read in one query."""
    tag = page_tag(course)
    version = cache_tags.current_versions([tag])[tag]
    return cache.get_or_set(
        f"course-reviews:{course.pk}:{version}",
        lambda: _read_course_reviews(course),
        REVIEWS_SECONDS,
    )


def _read_course_reviews(course):
    """The rollup rides on the review rows, and no visible review means no rating.
    Found by translation_key, so any language's page finds the default-locale rows."""
    ratings = CourseRating.objects.filter(course_id=OuterRef("course_id"))
    reviews = list(
        CourseReview.objects.filter(
            course__translation_key=course.translation_key,
            visibility=CourseReview.Visibility.VISIBLE,
        )
        .annotate(
            rating_average=Subquery(
                ratings.values("average")[:1], output_field=CourseRating._meta.get_field("average")
            ),
            rating_count=Subquery(ratings.values("count")[:1]),
        )
        .select_related("user")
        # What the page shows of an author: her first name (no account row in the cache).
        .only(*(f.name for f in CourseReview._meta.concrete_fields), "user__first_name")
        .order_by("-created_at")[:REVIEWS_SHOWN]
    )
    if not reviews:
        return None, 0, []
    return reviews[0].rating_average, reviews[0].rating_count or 0, reviews


def ratings_given(*, since, until):
    """(course id, ratings, stars) of the visible ratings written in [since, until)."""
    return list(
        CourseReview.objects.filter(
            created_at__gte=since,
            created_at__lt=until,
            visibility=CourseReview.Visibility.VISIBLE,
        )
        .values("course_id")
        .annotate(ratings=Count("pk"), stars=Sum("rating"))
        .values_list("course_id", "ratings", "stars")
    )


def lessons_in_language(lessons, language):
    """Lesson id → that lesson in ``language`` (with its body) when translated and live,
    else the lesson itself, in one query."""
    lessons = list(lessons)
    translated = {
        lesson.translation_key: lesson
        for lesson in lesson_model()
        .objects.live()
        .filter(
            translation_key__in=[lesson.translation_key for lesson in lessons],
            locale__language_code=language,
        )
    }
    return {lesson.pk: translated.get(lesson.translation_key, lesson) for lesson in lessons}
