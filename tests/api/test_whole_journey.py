"""The whole student journey as a phone app makes it, through the API alone: sign up,
verify the e-mail, sign in, browse the catalogue, buy a course and pay it in the
sandbox, learn, pass the quiz, get the certificate, then book a professional, pay
the deposit and write to her; she reads the notification on her own phone.

Only HTTP calls: /api/v1/, allauth's headless API (mounted at /api/v1/auth/) and the
sandbox's pretend phone, whose address the API hands out (the phone is another device,
so another client). The database is read only at the end, to check the final state.
Each step is one request cycle: its on-commit work (e-mails, the certificate job, run
eagerly in tests) runs when it ends, as after a real commit. Step timings are printed
with the bench figures."""

import re
import time
from contextlib import contextmanager
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from booking.models import Booking
from certificates.models import Certificate
from checkout.models import Order, Payment
from demo.loaders import site as home_demo
from enrolment.models import Enrolment

from ..course_pages.builders import make_course, make_lesson
from ..enrolment.conftest import QUIZ
from ..shared_build import built_once_per_module
from .conftest import assert_problem, build_api_world, session_token

pytestmark = pytest.mark.django_db

AUTH = "/api/v1/auth/app/v1/auth"
EMAIL = "nadege.essomba@example.cm"
PASSWORD = "Mèches-Bonabéri-2026"
PHONE = "677 12 34 56"
# What the student learnt in the course: the quiz's right answers, by their text.
RIGHT_ANSWERS = {"Matifiante", "Éponge", "Pinceau"}


def build_journey_world():
    """The API world and a paid course by Aïcha (who signs certificates), in French and
    English, with a reading lesson and a quiz lesson."""
    world = build_api_world()
    course = make_course(
        world["catalogue"],
        world["teacher_page"],
        title="Tresses africaines",
        slug="tresses-africaines",
        price_xaf=15000,
        estimated_hours=Decimal("4"),
        learning_outcomes=[("item", "Séparer les mèches")],
        certificate_template="modern",
    )
    home_demo.translate_page(
        course,
        world["en"],
        title="African braids",
        slug="african-braids",
        learning_outcomes=[("item", "Part the hair")],
    )
    reading = make_lesson(
        course,
        title="Les mèches",
        slug="les-meches",
        body=[("paragraph", "<p>Séparez les mèches au peigne.</p>")],
    )
    home_demo.translate_page(
        reading,
        world["en"],
        title="Parting the hair",
        slug="parting-the-hair",
        body=[("paragraph", "<p>Part the hair with a comb.</p>")],
    )
    quiz = make_lesson(course, title="Quiz tresses", slug="quiz-tresses", body=[QUIZ])
    home_demo.translate_page(quiz, world["en"], title="Braids quiz", slug="braids-quiz")
    world["paid_course"] = course
    return world


world = built_once_per_module(build_journey_world, "world")


class Journey:
    """A phone app's calls, each step timed and its on-commit work run when it ends."""

    def __init__(self, capture, language="fr"):
        self.app = Client(HTTP_ACCEPT_LANGUAGE=language)
        self.capture = capture
        self.timings = []

    @contextmanager
    def step(self, name):
        started = time.perf_counter()
        with self.capture(execute=True):
            yield
        self.timings.append((name, (time.perf_counter() - started) * 1000))

    def get(self, path, status=200):
        response = self.app.get(path)
        assert response.status_code == status, (path, response.status_code, response.content)
        return response.json()

    def post(self, path, body=None, status=200):
        response = self.app.post(path, body or {}, content_type="application/json")
        assert response.status_code == status, (path, response.status_code, response.content)
        return response.json()

    def sign_in_with(self, token):
        # A phone app keeps no cookies: only its session token says who it is.
        self.app.cookies.clear()
        self.app.defaults["HTTP_X_SESSION_TOKEN"] = token

    def pay_in_the_sandbox(self, order_number):
        """Start a sandbox payment, approve it on the pretend phone, follow its status."""
        payment = self.post(
            f"/api/v1/me/orders/{order_number}/payments/",
            {"provider": "sandbox", "phone": PHONE},
            status=201,
        )
        assert payment["status"] == "pending"
        phone = Client()
        answered = phone.post(urlsplit(payment["sandbox_phone_url"]).path, {"answer": "approve"})
        assert answered.status_code == 302
        return self.get(f"/api/v1/me/payments/{payment['reference']}/")

    def report(self):
        total = sum(ms for _name, ms in self.timings)
        lines = [f"{name:<34} {ms:7.1f} ms" for name, ms in self.timings]
        return "\n".join([*lines, f"{'whole journey':<34} {total:7.1f} ms"])


def _verification_key(message):
    """The key in the link of the verification e-mail."""
    match = re.search(r"/confirm-email/([^/\s]+)/", message.body)
    assert match, message.body
    return match.group(1)


def _sign_up_verify_and_sign_in(journey, email, first_name):
    with journey.step("sign up"):
        signed_up = journey.post(
            f"{AUTH}/signup",
            {
                "email": email,
                "password": PASSWORD,
                "first_name": first_name,
                "last_name": "Essomba",
                "role": "student",
            },
            status=401,
        )
    flows = {flow["id"]: flow for flow in signed_up["data"]["flows"]}
    assert flows["verify_email"]["is_pending"] is True
    [message] = [m for m in mail.outbox if m.to == [email]]

    with journey.step("verify the e-mail"):
        journey.sign_in_with(signed_up["meta"]["session_token"])
        verified = journey.post(
            f"{AUTH}/email/verify", {"key": _verification_key(message)}, status=401
        )
    # Verified, and not signed in by it (as on the site): the login flow is offered.
    assert {flow["id"] for flow in verified["data"]["flows"]} >= {"login"}

    with journey.step("sign in"):
        signed_in = journey.post(f"{AUTH}/login", {"email": email, "password": PASSWORD})
        journey.sign_in_with(signed_in["meta"]["session_token"])
        me = journey.get("/api/v1/me/")
    assert signed_in["data"]["user"]["email"] == email
    assert (me["email"], me["first_name"]) == (email, first_name)


def test_a_student_goes_the_whole_way_through_the_api(
    world, django_capture_on_commit_callbacks, record_property
):
    journey = Journey(django_capture_on_commit_callbacks)

    _sign_up_verify_and_sign_in(journey, EMAIL, "Nadège")

    with journey.step("browse the catalogue"):
        catalogue = journey.get("/api/v1/courses/?q=tresses")
        [listed] = [c for c in catalogue["results"] if c["title"] == "Tresses africaines"]
        course = journey.get(f"/api/v1/courses/{listed['id']}/")
    assert (course["price_xaf"], course["is_free"]) == (15000, False)
    assert [lesson["title"] for lesson in course["lessons"]] == ["Les mèches", "Quiz tresses"]
    reading, quiz_lesson = (lesson["id"] for lesson in course["lessons"])

    with journey.step("a paid lesson is closed"):
        closed = assert_problem(journey.app.get(f"/api/v1/lessons/{reading}/"), 403)
    assert (closed["title"], closed["detail"]) == (
        "Non autorisé",
        "Inscrivez-vous d'abord à ce cours.",
    )

    with journey.step("order the course"):
        order = journey.post(
            "/api/v1/me/orders/", {"item_type": "course", "item_id": course["id"]}, status=201
        )
    assert (order["status"], order["amount_xaf"]) == ("pending", 15000)

    with journey.step("pay it in the sandbox"):
        payment = journey.pay_in_the_sandbox(order["number"])
    assert (payment["status"], payment["order"]) == ("paid", order["number"])

    with journey.step("see the enrolment"):
        [enrolment] = journey.get("/api/v1/me/enrolments/")["results"]
    assert enrolment["course"]["id"] == course["id"]
    assert (enrolment["lessons_done"], enrolment["lessons_total"]) == (0, 2)

    with journey.step("read a lesson and mark it done"):
        lesson = journey.get(f"/api/v1/lessons/{reading}/")
        done = journey.post(f"/api/v1/lessons/{reading}/done/")
    assert "Séparez les mèches" in lesson["blocks"][0]["html"]
    assert done == {"lesson": reading, "done": True, "reason": "marked"}

    with journey.step("pass the quiz"):
        [quiz] = journey.get(f"/api/v1/lessons/{quiz_lesson}/")["quizzes"]
        answers = {
            question["id"]: [c["id"] for c in question["choices"] if c["text"] in RIGHT_ANSWERS]
            for question in quiz["questions"]
        }
        result = journey.post(
            f"/api/v1/lessons/{quiz_lesson}/quiz/", {"quiz": quiz["id"], "answers": answers}
        )
    assert (result["score_percent"], result["passed"]) == (100, True)

    with journey.step("get the certificate"):
        [certificate] = journey.get("/api/v1/me/certificates/")["results"]
        checked = journey.get(f"/api/v1/certificates/{certificate['code']}/")
    assert (certificate["status"], certificate["course_title"]) == ("valid", "Tresses africaines")
    assert certificate["skills"] == ["Séparer les mèches"]
    assert (checked["status"], checked["signature_ok"]) == ("valid", True)
    assert checked["student_name"] == "Nadège Essomba"

    with journey.step("find a professional"):
        found = journey.get("/api/v1/professionals/")["results"]
        [card] = [p for p in found if p["name"] == "Awa Tresses"]
        professional = journey.get(f"/api/v1/professionals/{card['id']}/")
        [service] = professional["services"]
        slots = journey.get(f"/api/v1/services/{service['id']}/slots/")
    assert (service["name"], service["deposit_xaf"]) == ("Tresses", 2000)
    assert slots

    with journey.step("hold a slot"):
        held = journey.post(
            "/api/v1/me/bookings/",
            {"service": service["id"], "start": slots[0]["start"]},
            status=201,
        )
    assert (held["status"], held["deposit_xaf"]) == ("held", 2000)

    with journey.step("pay the deposit in the sandbox"):
        deposit = journey.post(f"/api/v1/me/bookings/{held['reference']}/deposit/", status=201)
        paid = journey.pay_in_the_sandbox(deposit["number"])
        booking = journey.get(f"/api/v1/me/bookings/{held['reference']}/")
    assert (deposit["item_type"], deposit["amount_xaf"], paid["status"]) == (
        "booking",
        2000,
        "paid",
    )
    assert (booking["status"], booking["deposit_order"]) == ("confirmed", deposit["number"])

    with journey.step("my orders"):
        orders = journey.get("/api/v1/me/orders/")["results"]
    assert sorted((o["number"], o["status"]) for o in orders) == sorted(
        [(order["number"], "paid"), (deposit["number"], "paid")]
    )

    with journey.step("message the professional"):
        started = journey.post(
            "/api/v1/me/conversations/",
            {**professional["contact"], "text": "Bonjour, je viens pour des tresses."},
            status=201,
        )
    assert [person["name"] for person in started["people"]] == ["Awa Ndongo"]

    # The professional's own phone, signed in with her own token.
    awa = Journey(django_capture_on_commit_callbacks)
    awa.sign_in_with(session_token(Client(), "awa.tresses@example.cm"))
    with awa.step("she reads the notification"):
        unread = awa.get("/api/v1/me/notifications/unread/")["unread"]
        centre = awa.get("/api/v1/me/notifications/")["results"]
        [told] = [n for n in centre if n["kind"] == "message_received"]
        awa.post(f"/api/v1/me/notifications/{told['id']}/read/")
        [message] = awa.get(f"/api/v1/me/conversations/{started['id']}/messages/")["results"]
        awa.post(f"/api/v1/me/conversations/{started['id']}/read/")
    assert told["title"] == "Nouveau message de Nadège Essomba"
    assert message["text"] == "Bonjour, je viens pour des tresses."
    assert awa.get("/api/v1/me/notifications/unread/")["unread"] == unread - 1
    journey.timings += awa.timings

    # The final state, as the site sees it.
    student = User.objects.get(email=EMAIL)
    assert student.emailaddress_set.get().verified
    assert Enrolment.objects.get(user=student).completed_at is not None
    assert Certificate.objects.get(user=student).code == certificate["code"]
    assert Booking.objects.get(client=student).status == Booking.Status.CONFIRMED
    assert set(Order.objects.filter(user=student).values_list("status", flat=True)) == {"paid"}
    assert set(Payment.objects.filter(order__user=student).values_list("status", flat=True)) == {
        "paid"
    }
    record_property("bench figures", journey.report())


def test_the_same_journey_answers_in_english(
    world, django_capture_on_commit_callbacks, record_property
):
    journey = Journey(django_capture_on_commit_callbacks, language="en")

    with journey.step("anonymous asks for her profile"):
        anonymous = assert_problem(journey.app.get("/api/v1/me/"), 401)
    assert anonymous["title"] == "Not signed in"

    _sign_up_verify_and_sign_in(journey, "john.tabi@example.cm", "John")

    with journey.step("browse the catalogue"):
        titles = [c["title"] for c in journey.get("/api/v1/courses/")["results"]]
        [course] = [
            c
            for c in journey.get("/api/v1/courses/?q=braids")["results"]
            if c["title"] == "African braids"
        ]
        course = journey.get(f"/api/v1/courses/{course['id']}/")
    assert {"African braids", "Flawless complexion"} <= set(titles)
    assert "Tresses africaines" not in titles
    reading = course["lessons"][0]["id"]

    with journey.step("refusals, in English"):
        closed = assert_problem(journey.app.get(f"/api/v1/lessons/{reading}/"), 403)
        free = assert_problem(
            journey.app.post(
                "/api/v1/me/orders/",
                {"item_type": "course", "item_id": world["course"].pk},
                content_type="application/json",
            ),
            409,
        )
        bad = assert_problem(
            journey.app.post(
                "/api/v1/me/orders/", {"item_type": "course"}, content_type="application/json"
            ),
            400,
        )
    assert (closed["title"], closed["detail"]) == ("Not allowed", "Enrol in this course first.")
    assert free["title"] == "Not possible now"
    assert (bad["title"], bad["detail"]) == (
        "Bad request",
        "Some of what was sent is not valid: see errors.",
    )
    assert set(bad["errors"]) == {"item_id"}

    with journey.step("order and pay in the sandbox"):
        order = journey.post(
            "/api/v1/me/orders/", {"item_type": "course", "item_id": course["id"]}, status=201
        )
        payment = journey.pay_in_the_sandbox(order["number"])
        lesson = journey.get(f"/api/v1/lessons/{reading}/")
    assert (order["title"], payment["status"]) == ("African braids", "paid")
    assert (lesson["title"], lesson["course"]["title"]) == ("Parting the hair", "African braids")
    assert "Part the hair with a comb." in lesson["blocks"][0]["html"]

    student = User.objects.get(email="john.tabi@example.cm")
    assert Order.objects.get(user=student).status == Order.Status.PAID
    assert Enrolment.objects.filter(user=student, course=world["paid_course"]).exists()
    record_property("bench figures", journey.report())
