"""schemathesis fuzzes every operation of the API from its own schema, anonymously and
as a student: no 5xx, every answer (errors included) as the schema says, none slower
than 2 s. PostgreSQL pass only, like the other PostgreSQL-only tests; bounded in time
by the examples per operation. The operations x requests summary is printed at the end
of the run (with the bench figures)."""

import gc
import time
from collections import Counter
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import Client, override_settings
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from booking import selectors as booking_selectors
from booking import services as booking_services
from certificates.badges import services as badge_services
from certificates.models import Certificate
from checkout import services as checkout_services
from cms.wsgi import application
from enrolment import services as learning
from enrolment.assessments import services as exam_services
from messaging import services as messaging_services
from notifications.models import Notification

from ..booking.conftest import skip_unless_postgresql
from ..certificates.badges_kit import make_badge
from ..course_pages.builders import make_course, make_lesson
from ..enrolment.conftest import ASSIGNMENT
from ..enrolment.exam_kit import ASSESSMENT
from ..messaging.conftest import photo_upload
from .conftest import prepared_video, session_token

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 25, schemathesis.GenerationMode.NEGATIVE: 10}
SLOWEST_SECONDS = 2.0
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# The fuzzer sends hundreds of requests from one address in a minute: the limits have
# their own tests (test_bad_input.py).
UNLIMITED = {
    "API_RATE_PER_ADDRESS": "100000/m",
    "API_RATE_PER_PERSON": "100000/m",
    "RATELIMIT_SEARCH": "100000/m",
    "CERTIFICATE_VERIFY_MAX_LOOKUPS": 100000,
    "MESSAGING_MESSAGES_PER_MINUTE": 100000,
}

# What any WSGI server sets and schemathesis's in-process client leaves out.
SERVER_ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}


class SameConnection:
    """The WSGI app runs in this thread, on the test's connection and transaction:
    Django must not close that connection between requests (its test client does the
    same)."""

    def __enter__(self):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)

    def __exit__(self, *exc):
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@contextmanager
def collector_paused():
    """Python's cycle collector runs between requests, not inside one. The fuzzer keeps
    hundreds of thousands of objects of its own; a full pass over them took up to 2.8 s
    on a busy machine, and landed in whichever request happened to be running."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _real_ids(world):
    """Path parameters of things that exist: generated ids are almost never found, and
    the query parameters of a real service's slots or a real course deserve fuzzing too.
    The student gets an order being paid, a held booking, a conversation with her
    instructor (and a photo in it) and a notification of her own to be fuzzed."""
    student = world["student"]
    order = checkout_services.create_order(
        user=student, item_type="subscription", item_id="monthly"
    )
    payment = checkout_services.start_payment(
        order=order, provider_name="sandbox", phone="+237670000099"
    )
    booking = booking_services.hold_slot(
        client=student,
        service_id=world["service"].pk,
        starts_at=booking_selectors.free_slots_for(service=world["service"])[0].start,
    )
    mine = "/api/v1/me/bookings/{reference}/"
    conversation = messaging_services.start_or_get_conversation(
        student, world["teacher"], "course", str(world["course"].pk)
    )
    answer = messaging_services.send_text(
        user=world["teacher"], conversation=conversation, text="Bonjour Sandrine"
    )
    photo = messaging_services.send_photo(
        user=world["teacher"], conversation=conversation, upload=photo_upload()
    )
    notification = Notification.objects.create(user=student, kind="message_received", title="…")
    exam_enrolment, exam_attempt = _exam_sitting(world)
    work_photo, work_video = _work_files(world)
    badge_award, _created = badge_services.award(
        badge=make_badge(courses=[world["course"]]), user=world["graduate"]
    )
    return {
        "/api/v1/courses/{id}/": {"id": world["course"].pk},
        "/api/v1/professionals/{id}/": {"id": world["professional"].pk},
        "/api/v1/services/{id}/slots/": {"id": world["service"].pk},
        "/api/v1/me/enrolments/{id}/": {"id": world["enrolment"].pk},
        "/api/v1/certificates/{code}/": {
            "code": Certificate.objects.get(user=world["graduate"]).code
        },
        "/api/v1/badges/{code}/": {"code": badge_award.code},
        "/api/v1/lessons/{id}/work/": {"id": world["lessons"][1].pk},
        **{
            f"/api/v1/me/conversations/{{id}}/{action}": {"id": conversation.pk}
            for action in ("", "block/", "unblock/", "photos/", "voice-notes/", "messages/")
        },
        "/api/v1/me/messages/{id}/attachment/": {"id": photo.pk},
        "/api/v1/work-photos/{id}/": {"id": work_photo.pk},
        # Its part is fuzzed from the schema (mp4, poster and anything else).
        "/api/v1/work-videos/{id}/{part}/": {"id": work_video.pk},
        "/api/v1/me/conversations/{id}/read/": {"id": conversation.pk},
        "/api/v1/me/messages/{id}/report/": {"id": answer.pk},
        "/api/v1/me/notifications/{id}/read/": {"id": notification.pk},
        "/api/v1/teaching/courses/{id}/students/": {"id": world["course"].pk},
        "/api/v1/me/enrolments/{id}/exam/": {"id": exam_enrolment.pk},
        "/api/v1/me/enrolments/{id}/exam/attempts/": {"id": exam_enrolment.pk},
        "/api/v1/me/exam-attempts/{id}/answers/": {"id": exam_attempt.pk},
        "/api/v1/me/orders/{number}/": {"number": order.number},
        "/api/v1/me/orders/{number}/payments/": {"number": order.number},
        "/api/v1/me/payments/{reference}/": {"reference": str(payment.reference)},
        **{
            f"{mine}{action}": {"reference": str(booking.reference)}
            for action in ("", "deposit/", "move/", "cancel/", "review/")
        },
    }


def _exam_sitting(world):
    """The student's enrolment in a course with a final exam, every lesson done, and her
    running attempt: the exam's operations get real ids to be fuzzed with."""
    course = make_course(
        world["catalogue"],
        world["teacher_page"],
        title="Teint évalué",
        slug="teint-evalue-api",
        final_assessment=[ASSESSMENT],
    )
    lesson = make_lesson(course, title="Base", slug="base", body=[("paragraph", "<p>Base</p>")])
    enrolment, _created = learning.enrol(user=world["student"], course=course)
    learning.mark_complete(user=world["student"], lesson=lesson)
    attempt = exam_services.start_exam(user=world["student"], course=course)
    return enrolment, attempt


def _work_files(world):
    """The student's practice work, a photo and a prepared video, in a course of its
    own: the work files' operations get real ids to be fuzzed with."""
    course = make_course(
        world["catalogue"], world["teacher_page"], title="Teint pratiqué", slug="teint-pratique"
    )
    lesson = make_lesson(course, title="Pratique", slug="pratique", body=[ASSIGNMENT])
    learning.enrol(user=world["student"], course=course)
    submission = learning.submit_assignment(
        user=world["student"],
        lesson=lesson,
        assignment_id=learning.lesson_blocks.assignments(lesson)[0].id,
        note="",
        uploads=[photo_upload()],
    )
    return submission.photos.get(), prepared_video(submission)


def _fuzz(operation, mode, headers, tried, slow, *, path_parameters=None):
    strategy = operation.as_strategy(generation_mode=mode)
    if path_parameters:
        strategy = strategy.map(lambda case: _with_path_parameters(case, path_parameters))

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        with collector_paused():
            started = time.monotonic()
            response = case.call(headers=headers, environ_base=SERVER_ENVIRON)
            elapsed = time.monotonic() - started
        tried[operation.label] += 1
        tried[f"{response.status_code // 100}xx"] += 1
        if elapsed >= SLOWEST_SECONDS:
            slow.append((operation.label, round(elapsed, 2)))
        case.validate_response(response, checks=CHECKS, headers=headers)

    try:
        run()
    except Unsatisfiable:
        # An operation without parameters or body has no input to make invalid.
        if mode is not schemathesis.GenerationMode.NEGATIVE:
            raise


def _with_path_parameters(case, path_parameters):
    case.path_parameters = {**(case.path_parameters or {}), **path_parameters}
    return case


# Bounded by the examples per operation, not by a clock: with 53 operations (5,310
# requests) it took 4 to 5 minutes on a loaded 2-core machine, past the 300 s default.
@pytest.mark.timeout(900)
def test_every_operation_survives_generated_input(world, request):
    skip_unless_postgresql()
    tried, slow = Counter(), []
    real_ids = _real_ids(world)
    started = time.monotonic()
    # Signed in first: Django's test client connects the signals again after its request.
    token = session_token(Client(), "student@example.cm")
    with override_settings(**UNLIMITED), SameConnection():
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
        operations = [result.ok() for result in schema.get_all_operations()]
        # What exists by now (Django, the world, the schema) lives to the end: the cycle
        # collector need not walk it again on every full pass.
        gc.freeze()
        try:
            # The WSGI test client does not decompress what the site gzips for real clients.
            plain = {"Accept-Encoding": "identity"}
            for headers in (plain, {**plain, "X-Session-Token": token}):
                for operation in operations:
                    for mode in EXAMPLES:
                        _fuzz(operation, mode, headers, tried, slow)
                        if operation.path in real_ids:
                            _fuzz(
                                operation,
                                mode,
                                headers,
                                tried,
                                slow,
                                path_parameters=real_ids[operation.path],
                            )
        finally:
            gc.unfreeze()
    summary = (
        f"schemathesis: {len(operations)} operations x 2 callers (anonymous, student), "
        f"{sum(tried[op.label] for op in operations)} requests in "
        f"{time.monotonic() - started:.0f} s\n"
        + "".join(f"  {label}: {count}\n" for label, count in sorted(tried.items()))
    )
    print(summary)
    request.node.user_properties.append(("bench figures", summary))
    assert not slow, slow
