"""Certificates: time to render one PDF (median of N), and time to issue many
certificates through the task path (issue + sign + PDF stored + e-mail queued), as the
worker runs it. Target: ≤ 0.5 s per PDF on this machine.

Run: make bench. Issues 500 certificates when tests/bench is run on its own, 50 inside
the whole suite (make test); BENCH_CERTIFICATES sets the number."""

import os
import statistics
import time

import pytest

from accounts.models import User
from certificates import pdf, tasks
from certificates.models import Certificate
from enrolment.models import Enrolment

from ..certificates import conftest as certificate_fixtures

# The course, graduate and certificate of the certificates tests.
_built = certificate_fixtures._built
certificate_course = certificate_fixtures.certificate_course
graduate = certificate_fixtures.graduate
certificate = certificate_fixtures.certificate

pytestmark = [pytest.mark.bench]

RENDERS = 15


def issue_count(config):
    if os.environ.get("BENCH_CERTIFICATES"):
        return int(os.environ["BENCH_CERTIFICATES"])
    asked = [str(arg) for arg in config.invocation_params.args]
    return 500 if any("tests/bench" in arg for arg in asked) else 50


def test_render_one_certificate_pdf(certificate):
    for design in ("classic", "modern", "minimal"):
        certificate.design = design
        pdf.render_pdf(certificate)  # warm-up: fonts and templates load once per process
        timings = []
        for _ in range(RENDERS):
            started = time.perf_counter()
            data = pdf.render_pdf(certificate)
            timings.append(time.perf_counter() - started)
        median = statistics.median(timings)
        print(
            f"\ncertificate PDF ({design}): median {median * 1000:.0f} ms, "
            f"max {max(timings) * 1000:.0f} ms over {RENDERS} renders, {len(data) // 1024} KB"
        )
        assert median <= 0.5


@pytest.mark.timeout(1200)
def test_issue_many_certificates_through_the_task(certificate_course, request):
    issues = issue_count(request.config)
    course = certificate_course["course"]
    users = User.objects.bulk_create(
        User(email=f"bench{i}@example.cm", first_name="Élève", last_name=f"N°{i}")
        for i in range(issues)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(user=user, course=course, status=Enrolment.Status.COMPLETED) for user in users
    )

    started = time.perf_counter()
    for enrolment in enrolments:
        tasks.issue_certificate.delay(enrolment.pk)
    elapsed = time.perf_counter() - started

    assert Certificate.objects.filter(user__in=users).count() == issues
    print(
        f"\nissued {issues} certificates through the task in {elapsed:.1f} s: "
        f"{elapsed / issues * 1000:.0f} ms per certificate (PDF included)"
    )
