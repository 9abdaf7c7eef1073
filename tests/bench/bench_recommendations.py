"""The nightly recommendation build (co-enrolment pairs) at 100,000 enrolments.

25,000 students take four courses each out of 40, popular courses more often, so most
pairs pass the three-shared-students floor. Prints the build's seconds, a first build
and a second one that replaces every row; never asserted.

    .venv/bin/python -m pytest tests/bench/bench_recommendations.py -s -q
"""

import random
import time

import pytest

from accounts.models import User
from enrolment.models import CoEnrolment, Enrolment
from enrolment.recommendations import rebuild_co_enrolments

from ..course_pages.builders import build_site, make_course, make_instructor

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

COURSES = 40
STUDENTS = 25_000
COURSES_PER_STUDENT = 4
BATCH = 5_000


def _enrolments(courses, students, *, seed=22):
    rng = random.Random(seed)
    # Earlier courses are taken more often: a long tail, as in a real catalogue.
    weights = [1 / (rank + 1) for rank in range(len(courses))]
    for student in students:
        chosen = set()
        while len(chosen) < COURSES_PER_STUDENT:
            chosen.add(rng.choices(range(len(courses)), weights=weights)[0])
        for index in chosen:
            yield Enrolment(user_id=student, course_id=courses[index].pk)


def test_nightly_build_at_100000_enrolments():
    site = build_site()
    _user, teacher = make_instructor("bench@example.cm", index=site["instructors"])
    courses = [
        make_course(site["catalogue"], teacher, title=f"Cours {n}", slug=f"cours-{n}")
        for n in range(COURSES)
    ]
    started = time.perf_counter()
    User.objects.bulk_create(
        [User(email=f"bench{n}@example.cm", password="!") for n in range(STUDENTS)],
        batch_size=BATCH,
    )
    students = list(User.objects.filter(email__startswith="bench").values_list("pk", flat=True))
    Enrolment.objects.bulk_create(_enrolments(courses, students), batch_size=BATCH)
    made = time.perf_counter() - started
    # The demo home may bring a few enrolments of its own.
    assert Enrolment.objects.count() >= STUDENTS * COURSES_PER_STUDENT

    started = time.perf_counter()
    pairs = rebuild_co_enrolments()
    first = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_co_enrolments()
    again = time.perf_counter() - started

    assert pairs == CoEnrolment.objects.count() > 0
    print(
        f"\nrecommendations: {Enrolment.objects.count():,} enrolments made in {made:.1f} s; "
        f"nightly build {first:.2f} s ({pairs:,} pairs), rebuilt unchanged {again:.2f} s"
    )
