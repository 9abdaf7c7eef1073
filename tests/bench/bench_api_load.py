"""Requests per second and p50/p95 of two API endpoints at 20 phone apps at once: the
catalogue (anonymous, a full first page of 20 courses) and a lesson with every kind of
block read by an enrolled student signed in with an app session token (each read also
records her visit, as the lesson page does). Issue #24's goal: no 5xx and p95 < 2 s.

The server is the test live server (Django's threaded WSGI server, one process: one
interpreter lock for every request, and a new database connection per request, which a
production server keeps): the figures are a floor for one app server, not its ceiling.
The clients are 20 threads with keep-alive connections in a process of their own
(http_load.py). Each endpoint is loaded for LOAD_SECONDS after one request per client
to warm it (the first makes the image renditions); about 20 s in all with the build.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/apibench .venv/bin/python -m pytest \
        tests/bench/bench_api_load.py -s -q
"""

import json
import statistics
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client, override_settings

from enrolment import services as learning

from ..api.conftest import session_token
from ..certificates.conftest import build_certificate_course
from ..conftest import make_person
from ..course_pages.builders import make_course, make_lesson, make_lesson_media

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]

CLIENTS = 20
LOAD_SECONDS = 5
# The goal (p95 < 2 s) is printed against the figure; the test fails only far beyond it, so
# a CI runner busy with the other test process does not fail the run on a slow second.
P95_GOAL_MS = 2000
P95_LIMIT_MS = 5000
CATALOGUE_PAGE = 20
LOAD_SCRIPT = Path(__file__).with_name("http_load.py")
# The limits have their own tests (tests/api/test_bad_input.py); 20 apps on one address
# would meet them in a second.
UNLIMITED = {"API_RATE_PER_ADDRESS": "1000000/m", "API_RATE_PER_PERSON": "1000000/m"}


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def lesson_with_every_block(course):
    media = make_lesson_media()
    steps = [block("step", {"text": f"Étape {n} : estompez.", "image": None}) for n in range(4)]
    body = [
        block("heading", "Le matériel"),
        block("paragraph", "<p>Nettoyez la peau avec un lait doux, puis hydratez.</p>" * 4),
        block("video", {"video": media["video"].pk, "caption": "La démonstration."}),
        block("guide", {"document": media["document"].pk, "title": "Fiche à imprimer"}),
        block(
            "gallery",
            {
                "title": "Résultats",
                "images": [block("image", {"image": media["image"].pk, "caption": "Lumineux"})],
            },
        ),
        block("steps", {"title": "Les étapes", "steps": steps}),
    ]
    return make_lesson(course, title="Tout le teint", slug="tout-le-teint", body=body)


def build_world():
    site = build_certificate_course()
    for number in range(CATALOGUE_PAGE - 1):
        make_course(
            site["catalogue"],
            site["teacher_page"],
            title=f"Cours {number:02d}",
            slug=f"cours-{number:02d}",
        )
    lesson = lesson_with_every_block(site["course"])
    student = make_person("student@example.cm", first_name="Sandrine", is_student=True)
    learning.enrol(user=student, course=site["course"])
    return lesson


def loaded(url, headers):
    """(requests per second, answers) of CLIENTS apps getting `url` for LOAD_SECONDS."""
    lines = [f"{name}: {value}" for name, value in headers.items()]
    run = subprocess.run(
        [sys.executable, LOAD_SCRIPT, url, str(CLIENTS), str(LOAD_SECONDS), *lines],
        capture_output=True,
        check=True,
        text=True,
        timeout=LOAD_SECONDS + 60,
    )
    figures = json.loads(run.stdout)
    return len(figures["answers"]) / figures["elapsed"], figures["answers"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


@override_settings(**UNLIMITED)
def test_catalogue_and_lesson_at_20_clients(live_server):
    lesson = build_world()
    token = session_token(Client(), "student@example.cm")
    assert len(Client().get("/api/v1/courses/").json()["results"]) == CATALOGUE_PAGE
    app = {"Accept-Language": "fr", "Accept-Encoding": "gzip"}
    endpoints = [
        ("catalogue", "/api/v1/courses/", app),
        ("lesson (student)", f"/api/v1/lessons/{lesson.pk}/", {**app, "X-Session-Token": token}),
    ]
    print(
        f"\nAPI at {CLIENTS} clients, {LOAD_SECONDS} s each (live server, one process)\n"
        f"{'endpoint':<17} {'requests':>8} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'KB':>5} {'not 200':>7} goal p95 < {P95_GOAL_MS} ms"
    )
    for name, path, headers in endpoints:
        rate, answers = loaded(live_server.url + path, headers)
        times = [ms for _status, ms, _size in answers]
        others = [status for status, _ms, _size in answers if status != 200]
        p95 = percentile(times, 0.95)
        print(
            f"{name:<17} {len(answers):>8} {rate:>6.1f} {statistics.median(times):>7.0f} "
            f"{p95:>7.0f} {answers[-1][2] / 1024:>5.1f} {len(others):>7} "
            f"{'met' if p95 < P95_GOAL_MS else 'MISSED'}"
        )
        assert answers
        assert not [status for status in others if status == 0 or status >= 500], others[:10]
        assert not others, others[:10]
        assert p95 < P95_LIMIT_MS
