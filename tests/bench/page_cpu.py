"""CPU milliseconds and queries per request of the pages `make prod-bench` loads, timed
in-process with time.process_time(): a figure that other load on a shared machine
barely changes, unlike wall-clock load runs.

Runs on the demo content with the production settings (DEBUG off, Redis cache, cached
template loader), through Django's full middleware chain. For each page: a render with
the page cache off (a miss costs that), a page-cache hit, and the signed-in student's
"My learning" and a lesson. Budgets on 2 cores for the issue-19 goals: ≤ 20 ms for a
public render, ≤ 2 ms for a hit, ≤ 25 ms for a signed-in page.

    source env (DJANGO_SETTINGS_MODULE=cms.settings.production, DATABASE_URL, REDIS_URL,
    SECRET_KEY, ALLOWED_HOSTS=testserver, SECURE_SSL_REDIRECT=false, …)
    .venv/bin/python manage.py load_demo        # once
    .venv/bin/python -m tests.bench.page_cpu [--n 50] [--profile PAGE] [--only PAGE]

--profile PAGE prints the cProfile of that page's renders ("home:off", "home:hit",
"my learning"; --all for every function, else our own code) and keeps it in
/tmp/page_cpu.prof.

Issue #19, demo content, before → after the wave-perf changes, CPU ms (queries), run
side by side on a loaded shared machine: catalogue 34.8 (7) → 18.1 (5), course page
25.9 (9) → 21.3 (8), directory search 55.6 (11) → 19.5 (6), home 73.2 (25) → 42.1 (13),
My learning 31.1 (18) → 32.0 (14), lesson 21.8 (15) → 20.5 (14); page-cache hits
1.3–2.8 → 1.1–2.1. Views and searches counted in Redis instead of a Celery message per
hit (core/counters.py), CPU ms of a hit on Redis: course page 1.8 → 1.1, directory
search 3.0 → 1.7 (Redis round trips 7 → 6), catalogue and home 1.2 and 1.4 unchanged;
without Redis (file broker before, count files after): 1.2 → 0.7 and 2.0 → 0.9.
Then, best of two runs side by side: home 41.3 (13) → 11.5 (2), its shared sections
kept per tag version (home/selectors.py); My learning 37.2 (19) → 33.9 (18).
Then the cache-miss pieces kept per tag version too, two rounds side by side (base,
then this): My learning 29.1 / 27.1 (18) → 17.3 / 21.0 (11): recommendation candidates
per page-tree version, lessons per course tag, enrolments read once, the site
remembered; directory search 22.1 / 17.1 (6) → 17.5 / 13.8 (3): card pages per
directory and page-tree version; course page 18.6 / 14.7 (8) → 12.7 / 14.0 (5): its
lessons and reviews per course tag, "also took" per co-enrolment tag for anonymous
readers.
Then the misses of wave-misses, best of two rounds side by side (base, then this), CPU
ms (queries, Redis round trips): catalogue 13.5 (5, 23) → 4.9 (1, 10): its unfiltered
listing kept, its cards one fragment; directory search 12.8 (3, 30) → 8.2 (1, 12): a
page of results with its cards kept, cards one fragment, incr in one round trip; course
page 10.3 (5, 17) → 7.2 (1, 12): category and cover read with the page, instructor
kept; home 7.5 (2, 19) → 7.1 (2, 14): tag versions and the routes' generation read
once a request.
Then the signed-in pages (wave-signedin), best of two runs side by side, CPU ms (queries,
Redis round trips): My learning 14.2 / 15.2 (11, 17) → 8.3 / 8.1 (3, 12), lesson 12.9 /
13.6 (11, 16) → 8.1 / 8.4 (4, 14): tag versions read once per request (core.request_memo),
the header's two counts and her streak and points kept per person, her My learning lists
and her rows of a lesson kept under her learner tag, a lesson opened again writes nothing.
Then the signed-in pages' CPU (wave-lesson-cpu), best of two runs side by side with --n 60
(base, then this), CPU ms (queries, Redis round trips): lesson 9.3 / 10.1 (4, 14) →
5.3 / 5.8 (1, 16): its row kept with its route (ROUTE_KEEPS_PAGE, core/page_routes.py:
any page save makes new routes), its course with its lessons kept under the page-tree
version, its head, body and lessons list shared fragments (the video, quiz and assignment
blocks drawn for each reader, course_pages/lesson_body.py; the list per enrolled-or-not
and ticks), the offline box but her session's name one too, a quiz read from its own
blocks only (no document query); My learning 9.0 / 9.4 (3, 12) → 4.7 / 5.2 (1, 14): the
count of work waiting for her review kept under her learner tag and peer-work
(enrolment/reviews_waiting.py), the recommended pages per page-tree version, her
courses, recommendations and work rendered for her alone under her lists' version; both:
the menu and a signed-in footer kept rendered with the site chrome (home/site_chrome.py).
The harness's lesson is a free preview: another lesson read its instructor too (access),
now kept with the course."""

import argparse
import cProfile
import io
import pstats
import statistics
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from redis.connection import AbstractConnection  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from accounts.models import User  # noqa: E402
from course_pages.models import CourseIndexPage, CoursePage  # noqa: E402
from directory.models import ProfessionalIndexPage  # noqa: E402
from enrolment.models import Enrolment  # noqa: E402

HEADERS = {"HTTP_ACCEPT_LANGUAGE": "fr", "HTTP_ACCEPT_ENCODING": "gzip"}
DEMO_STUDENT = "student@demo.bsa"


class RedisCalls:
    """Round trips to Redis (one packed command, or one pipeline, each)."""

    count = 0

    @classmethod
    def install(cls):
        original = AbstractConnection.send_packed_command

        def counted(self, *args, **kwargs):
            cls.count += 1
            return original(self, *args, **kwargs)

        AbstractConnection.send_packed_command = counted


def public_pages():
    french = Locale.objects.get(language_code="fr")
    catalogue = CourseIndexPage.objects.live().filter(locale=french).first()
    course = CoursePage.objects.live().filter(locale=french, price_xaf__gt=0).order_by("pk").first()
    pages = [("catalogue", catalogue.url), ("course page", course.url)]
    directory = ProfessionalIndexPage.objects.live().filter(locale=french).first()
    if directory is not None:
        pages.append(("directory search", directory.url + "?q=tresses"))
    pages.append(("home", "/fr/"))
    return pages


def signed_in_pages():
    student = User.objects.get(email=DEMO_STUDENT)
    enrolment = Enrolment.objects.filter(user=student).select_related("course").first()
    pages = [("my learning", reverse("learning:my_learning"))]
    lessons = enrolment.course.specific.lessons if enrolment else []
    if lessons:
        pages.append(("lesson", lessons[0].url))
    return pages, student


PROFILE_ALL = False
BATCHES = 5
OUR_CODE = r"/(core|home|course_pages|directory|enrolment|accounts|certificates|checkout)/"


def measure(client, url, n, profile=False):
    """(mean CPU ms, median wall ms, queries, redis round trips, bytes) of n GETs."""
    for _ in range(3):
        response = client.get(url, **HEADERS)
        assert response.status_code == 200, (url, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        before = RedisCalls.count
        response = client.get(url, **HEADERS)
        redis_calls = RedisCalls.count - before
    profiler = cProfile.Profile(time.process_time) if profile else None
    # The best of a few batches: other processes on a shared machine still slow a batch
    # down now and then (caches, frequency), never speed it up.
    batches = []
    walls = []
    for _ in range(BATCHES):
        cpu_start = time.process_time()
        for _ in range(max(1, n // BATCHES)):
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            client.get(url, **HEADERS)
            if profiler:
                profiler.disable()
            walls.append((time.perf_counter() - started) * 1000)
        batches.append((time.process_time() - cpu_start) * 1000 / max(1, n // BATCHES))
    cpu_ms = min(batches)
    if profiler:
        profiler.dump_stats("/tmp/page_cpu.prof")
        out = io.StringIO()
        # Our own code first (cumulative), then where the time is spent (internal).
        restrictions = (90,) if PROFILE_ALL else (OUR_CODE, 45)
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(*restrictions)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    return cpu_ms, statistics.median(walls), len(queries), redis_calls, len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--profile", default="", help="page name (e.g. 'home:off')")
    parser.add_argument("--all", action="store_true", help="profile: every function")
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()
    global PROFILE_ALL
    PROFILE_ALL = args.all
    RedisCalls.install()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    rows = []
    anonymous = Client()
    for name, url in public_pages():
        if only and name not in only:
            continue
        with override_settings(PAGE_CACHE_ENABLED=False):
            rows.append(
                (name, "off", url, *measure(anonymous, url, args.n, args.profile == f"{name}:off"))
            )
        rows.append(
            (name, "hit", url, *measure(anonymous, url, args.n * 5, args.profile == f"{name}:hit"))
        )
    pages, student = signed_in_pages()
    signed_in = Client()
    signed_in.force_login(student)
    for name, url in pages:
        if only and name not in only:
            continue
        rows.append(
            (name, "signed in", url, *measure(signed_in, url, args.n, args.profile == name))
        )
    print(f"cache: {settings.CACHES['default']['BACKEND']}, DEBUG={settings.DEBUG}")
    print(
        f"{'page':<17} {'mode':<10} {'cpu ms':>7} {'wall ms':>8} {'queries':>7} {'redis':>6} {'bytes':>7}  url"
    )
    for name, mode, url, cpu, wall, queries, redis_calls, size in rows:
        print(
            f"{name:<17} {mode:<10} {cpu:>7.1f} {wall:>8.1f} {queries:>7} {redis_calls:>6} {size:>7}  {url}"
        )


if __name__ == "__main__":
    main()
