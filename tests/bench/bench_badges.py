"""Badges and transcripts: the badge task for one student among 100,000 who hold the
course's certificate (the check after a certificate is issued: rule read, award, sign,
notify), the sweep's rule read over all of them, and the transcript PDF render time
(goal ≤ 300 ms). Timings are printed, never asserted.

Run on its own (100,000 students):
    .venv/bin/python -m pytest tests/bench/bench_badges.py -s -q -n 0
Inside the whole suite it uses 2,000 students; BENCH_BADGE_STUDENTS sets the number."""

import os
import statistics
import time

import pytest
from django.utils import timezone

from accounts.models import User
from certificates.badges import services, tasks
from certificates.models import Certificate, Transcript
from certificates.transcripts import pdf, selectors
from enrolment.models import Enrolment

from ..certificates.badges_kit import badge_site, course_badge, graduate, make_badge

__all__ = ["badge_site", "course_badge", "graduate"]

pytestmark = [pytest.mark.bench]

CHECKS = 20
RENDERS = 10


def student_count(config):
    if os.environ.get("BENCH_BADGE_STUDENTS"):
        return int(os.environ["BENCH_BADGE_STUDENTS"])
    asked = [str(arg) for arg in config.invocation_params.args]
    return 100_000 if any("bench_badges" in arg for arg in asked) else 2_000


def _graduates(course, count):
    """`count` students holding the course's certificate, made in bulk."""
    now = timezone.now()
    users = User.objects.bulk_create(
        (
            User(email=f"badge{i}@example.cm", first_name="Élève", last_name=f"N°{i}")
            for i in range(count)
        ),
        batch_size=5000,
    )
    enrolments = Enrolment.objects.bulk_create(
        (Enrolment(user=user, course=course, status=Enrolment.Status.COMPLETED) for user in users),
        batch_size=5000,
    )
    Certificate.objects.bulk_create(
        (
            Certificate(
                code=f"B{i:07d}",
                enrolment=enrolment,
                user_id=enrolment.user_id,
                course=course,
                student_name=f"Élève N°{i}",
                course_title_fr="Teint parfait",
                course_title_en="Flawless complexion",
                instructor_name="Aïcha Mbarga",
                hours=6,
                issued_at=now,
                signature="z",
            )
            for i, enrolment in enumerate(enrolments)
        ),
        batch_size=5000,
    )
    return users


@pytest.mark.timeout(1800)
def test_badge_task_among_many_students(badge_site, request):
    count = student_count(request.config)
    started = time.perf_counter()
    users = _graduates(badge_site["course"], count)
    print(f"\n{count} students with the certificate made in {time.perf_counter() - started:.0f} s")
    badge = make_badge(courses=[badge_site["course"]], image=badge_site["image"])

    timings = []
    for user in users[:CHECKS]:
        started = time.perf_counter()
        assert tasks.check_badges(user.pk) == 1
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    started = time.perf_counter()
    holders = services.holders(badge)
    read = time.perf_counter() - started

    assert len(holders) == count + 1  # and Linda, the module's graduate
    print(
        f"badge task for one student among {count}: median {median * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms over {CHECKS} (rule read, award, sign, notify)\n"
        f"sweep's rule read over {count} holders: {read * 1000:.0f} ms; a sweep awarding "
        f"all of them ≈ {(read + count * median) / 60:.0f} min (one award per holder, once)"
    )


def test_transcript_pdf_render_time(badge_site, course_badge, graduate):
    for number in range(5):
        make_badge(slug=f"extra-{number}", courses=[badge_site["course"]])
    services.award_due(user=graduate)
    transcript = Transcript.objects.create(user=graduate, is_public=True)
    lines = selectors.shown_lines(transcript)
    pdf.render_pdf(transcript, lines)  # warm-up: fonts and templates load once per process
    timings, cpu = [], []
    for _ in range(RENDERS):
        started, started_cpu = time.perf_counter(), time.process_time()
        data = pdf.render_pdf(transcript, lines)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median = statistics.median(timings)
    # CPU time too: on a shared machine the wall time mostly says how busy it is.
    print(
        f"\ntranscript PDF ({len(lines)} lines): median {median * 1000:.0f} ms "
        f"(CPU {statistics.median(cpu) * 1000:.0f} ms), max {max(timings) * 1000:.0f} ms "
        f"over {RENDERS} renders, {len(data) // 1024} KB (goal ≤ 300 ms)"
    )
