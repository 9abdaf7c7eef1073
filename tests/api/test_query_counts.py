"""Each list endpoint costs the same number of queries with three times more items."""

import pytest
from django.test import Client

from certificates import services as certificate_services
from certificates.badges import services as badge_services
from checkout import services as checkout_services
from course_pages.models import CoursePage
from enrolment import services as learning
from enrolment.models import Enrolment
from messaging import services as messaging_services
from notifications.models import Notification

from ..booking.conftest import hold
from ..certificates.badges_kit import make_badge
from ..conftest import make_person
from ..course_pages.builders import make_course, make_instructor, make_lesson
from ..directory.builders import make_professional
from ..enrolment.conftest import ASSIGNMENT, photo_upload
from ..query_counts import warm_queries
from ..shared_build import built_once_per_module
from .conftest import app_client, build_work_world

pytestmark = pytest.mark.django_db

# The API world with a lesson asking for practice work and a moderator (conftest.py).
world = built_once_per_module(build_work_world, "world")


def _courses(world, first, last):
    return [
        make_course(
            world["catalogue"],
            world["teacher_page"],
            title=f"Cours {number:02d}",
            slug=f"cours-{number:02d}",
        )
        for number in range(first, last)
    ]


@pytest.mark.parametrize("query", ["", "?q=cours", "?sort=popular&level=beginner", "?price=free"])
def test_catalogue(world, query):
    client = Client()
    _courses(world, 0, 3)
    few = warm_queries(client, f"/api/v1/courses/{query}")
    _courses(world, 3, 9)

    assert warm_queries(client, f"/api/v1/courses/{query}") == few


def test_instructors(world):
    client = Client()
    make_instructor("one@example.cm", index=world["instructors"], title="Ama One")
    few = warm_queries(client, "/api/v1/instructors/")
    for number in range(3):
        make_instructor(f"more{number}@example.cm", index=world["instructors"], title=f"B {number}")

    assert warm_queries(client, "/api/v1/instructors/") == few


@pytest.mark.parametrize("query", ["", "?q=coiffure", "?sort=rating&certified=on"])
def test_directory_search(world, query):
    client = Client()
    for number in range(2):
        make_professional(world["index"], f"Coiffure {number}", services=[("braiding", 5000)])
    few = warm_queries(client, f"/api/v1/professionals/{query}")
    for number in range(2, 8):
        make_professional(world["index"], f"Coiffure {number}", services=[("braiding", 5000)])

    assert warm_queries(client, f"/api/v1/professionals/{query}") == few


def test_my_enrolments(world, student_api):
    student = world["student"]
    for course in _courses(world, 0, 2):
        learning.enrol(user=student, course=course)
    few = warm_queries(student_api, "/api/v1/me/enrolments/")
    for course in _courses(world, 2, 8):
        learning.enrol(user=student, course=course)

    assert warm_queries(student_api, "/api/v1/me/enrolments/") == few


def _paid_orders(world, first, last):
    student = world["student"]
    for course in _courses(world, first, last):
        CoursePage.objects.filter(pk=course.pk).update(price_xaf=5000)
        order = checkout_services.create_order(user=student, item_type="course", item_id=course.pk)
        checkout_services.start_payment(order=order, provider_name="sandbox", phone="677123456")


def test_my_orders(world, student_api):
    _paid_orders(world, 0, 2)
    few = warm_queries(student_api, "/api/v1/me/orders/")
    _paid_orders(world, 2, 8)

    assert warm_queries(student_api, "/api/v1/me/orders/") == few


def test_my_bookings(world):
    client_api = app_client("cliente@example.cm")
    for _number in range(2):
        hold(world)
    few = warm_queries(client_api, "/api/v1/me/bookings/")
    for _number in range(6):
        hold(world)

    assert warm_queries(client_api, "/api/v1/me/bookings/") == few


def test_an_instructors_students(world):
    teacher_api = app_client("aicha@example.cm")
    url = f"/api/v1/teaching/courses/{world['course'].pk}/students/"
    few = warm_queries(teacher_api, url)
    for number in range(6):
        person = make_person(f"eleve{number}@example.cm", is_student=True)
        learning.enrol(user=person, course=world["course"])

    assert warm_queries(teacher_api, url) == few


def test_a_services_free_slots(world):
    client = Client()
    url = f"/api/v1/services/{world['service'].pk}/slots/?days=7"
    for _number in range(2):
        hold(world)
    few = warm_queries(client, url)
    for _number in range(6):
        hold(world)

    assert warm_queries(client, url) == few


def _certificates(world, first, last):
    student = world["student"]
    for course in _courses(world, first, last):
        enrolment, _created = learning.enrol(user=student, course=course)
        Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED)
        assert certificate_services.issue_for_enrolment(enrolment_id=enrolment.pk)


def test_my_certificates(world, student_api):
    _certificates(world, 0, 2)
    few = warm_queries(student_api, "/api/v1/me/certificates/")
    _certificates(world, 2, 8)

    assert warm_queries(student_api, "/api/v1/me/certificates/") == few


def _hand_in(person, lesson):
    assignment = learning.lesson_blocks.assignments(lesson)[0]
    learning.submit_assignment(
        user=person, lesson=lesson, assignment_id=assignment.id, note="", uploads=[photo_upload()]
    )


def _work_lessons(world, first, last):
    return [
        make_lesson(world["course"], title=f"Pratique {n}", slug=f"pratique-{n}", body=[ASSIGNMENT])
        for n in range(first, last)
    ]


def test_my_practice_work(world, student_api):
    for lesson in _work_lessons(world, 0, 2):
        _hand_in(world["student"], lesson)
    few = warm_queries(student_api, "/api/v1/me/work/")
    for lesson in _work_lessons(world, 2, 8):
        _hand_in(world["student"], lesson)

    assert warm_queries(student_api, "/api/v1/me/work/") == few


def _students_hand_in(world, first, last):
    for number in range(first, last):
        person = make_person(f"eleve{number}@example.cm", first_name=f"Eleve {number}")
        learning.enrol(user=person, course=world["course"])
        _hand_in(person, world["work_lesson"])


def test_the_work_waiting_for_an_instructor(world):
    teacher_api = app_client("aicha@example.cm")
    _students_hand_in(world, 0, 2)
    few = warm_queries(teacher_api, "/api/v1/teaching/work/")
    _students_hand_in(world, 2, 8)

    assert warm_queries(teacher_api, "/api/v1/teaching/work/") == few


def test_the_courses_an_instructor_teaches(world):
    teacher_api = app_client("aicha@example.cm")
    for course in _courses(world, 0, 2):
        learning.enrol(user=world["student"], course=course)
    few = warm_queries(teacher_api, "/api/v1/teaching/courses/")
    for course in _courses(world, 2, 8):
        learning.enrol(user=world["student"], course=course)

    assert warm_queries(teacher_api, "/api/v1/teaching/courses/") == few


def _students_write_to_the_instructor(world, first, last):
    """New students of the course each write to the instructor."""
    for number in range(first, last):
        person = make_person(f"eleve{number}@example.cm", is_student=True)
        learning.enrol(user=person, course=world["course"])
        conversation = messaging_services.start_or_get_conversation(
            person, world["teacher"], "course", str(world["course"].pk)
        )
        messaging_services.send_text(user=person, conversation=conversation, text="Bonjour")


def test_my_conversations(world):
    teacher_api = app_client("aicha@example.cm")
    _students_write_to_the_instructor(world, 0, 2)
    few = warm_queries(teacher_api, "/api/v1/me/conversations/")
    _students_write_to_the_instructor(world, 2, 8)

    assert warm_queries(teacher_api, "/api/v1/me/conversations/") == few


def test_a_conversations_messages(world, student_api):
    conversation = messaging_services.start_or_get_conversation(
        world["student"], world["teacher"], "course", str(world["course"].pk)
    )
    url = f"/api/v1/me/conversations/{conversation.pk}/messages/"
    for number in range(2):
        messaging_services.send_text(
            user=world["teacher"], conversation=conversation, text=f"{number}"
        )
    few = warm_queries(student_api, url)
    for number in range(6):
        messaging_services.send_text(
            user=world["student"], conversation=conversation, text=f"{number}"
        )

    assert warm_queries(student_api, url) == few


# Issue #24: the conversation detail reads the seat and everyone in it, what it is
# about, and whether she may write (blocks, the context's rule): 13 today, the sign-in
# by token included.
CONVERSATION_DETAIL_BUDGET = 15


def test_a_conversations_detail(world, student_api):
    conversation = messaging_services.start_or_get_conversation(
        world["student"], world["teacher"], "course", str(world["course"].pk)
    )
    url = f"/api/v1/me/conversations/{conversation.pk}/"
    messaging_services.send_text(user=world["teacher"], conversation=conversation, text="Un")
    few = warm_queries(student_api, url)
    for number in range(8):
        messaging_services.send_text(
            user=world["teacher"], conversation=conversation, text=f"{number}"
        )

    assert warm_queries(student_api, url) == few <= CONVERSATION_DETAIL_BUDGET


def test_my_notifications(world, student_api):
    def told(count):
        for number in range(count):
            Notification.objects.create(
                user=world["student"], kind="payment_received", title=f"{number}"
            )

    told(2)
    few = warm_queries(student_api, "/api/v1/me/notifications/")
    told(6)

    assert warm_queries(student_api, "/api/v1/me/notifications/") == few


def test_my_badges(world):
    graduate = app_client("linda@example.cm")

    def awarded(first, last):
        for number in range(first, last):
            badge = make_badge(slug=f"badge-{number}", courses=[world["course"]])
            badge_services.award(badge=badge, user=world["graduate"])

    awarded(0, 2)
    few = warm_queries(graduate, "/api/v1/me/badges/")
    awarded(2, 6)

    assert warm_queries(graduate, "/api/v1/me/badges/") == few
