"""Exam attempts in the Wagtail admin, role by role: moderators see every attempt and
grant one extra attempt (the 24-hour wait lifted once, with a logged reason); an
instructor sees her own courses' attempts only; students see nothing. A refusal
changes nothing."""

import pytest
from wagtail.users.models import UserProfile

from accounts.models import MODERATORS_GROUP, SupportAction
from enrolment.assessments import services as exam_services
from enrolment.models import ExamAttempt

from ..conftest import make_person
from ..course_pages.builders import make_course, make_instructor
from . import exam_kit
from .exam_kit import answer_key, finish_lessons, graduate, wrong_answers

exam_site = exam_kit.exam_site  # the fixture

pytestmark = pytest.mark.django_db

LISTING = "/admin/exam-attempts/"


def prefer_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def sat(site, email, *, right=False, first_name="Nadia"):
    """A student who finished the lessons and handed in one attempt."""
    student = graduate(email, first_name=first_name)
    finish_lessons(student, site)
    attempt = exam_services.start_exam(user=student, course=site["course"])
    key = answer_key(site) if right else wrong_answers(site)
    exam_services.submit_exam(
        user=student,
        course=site["course"],
        attempt_id=attempt.pk,
        answers={qid: key[qid] for qid in attempt.question_ids},
    )
    attempt.refresh_from_db()
    return student, attempt


def moderator():
    return make_person("modo@example.cm", groups=[MODERATORS_GROUP], is_staff=True)


def grant_url(attempt):
    return f"/admin/support/{attempt.enrolment.user_id}/exam_retake/{attempt.pk}/"


def state(attempt):
    attempt.refresh_from_db()
    return (attempt.wait_lifted_at, attempt.wait_lifted_by_id, SupportAction.objects.count())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Résultat", "Non réussi", "Nadia Fouda", "Teint parfait", "Non"]),
        ("en", ["Outcome", "Not passed", "Nadia Fouda", "Teint parfait", "No"]),
    ],
)
def test_moderators_list_every_attempt_in_their_language(client, exam_site, language, words):
    _student, attempt = sat(exam_site, "nadia@example.cm")
    modo = moderator()
    prefer_admin_language(modo, language)
    client.force_login(modo)

    listing = client.get(LISTING)
    detail = client.get(f"{LISTING}{attempt.pk}/")

    assert listing.status_code == 200 and detail.status_code == 200
    html = listing.content.decode()
    assert all(word in html for word in words), [w for w in words if w not in html]
    assert grant_url(attempt) in detail.content.decode()


def test_a_passed_attempt_shows_its_score_and_band(client, exam_site):
    _student, attempt = sat(exam_site, "nadia@example.cm", right=True)
    client.force_login(moderator())

    html = client.get(LISTING).content.decode()

    assert "100 %" in html and "Très bien" in html and "Oui" in html


def test_the_listing_filters_by_course_and_outcome(client, exam_site):
    sat(exam_site, "nadia@example.cm")
    sat(exam_site, "awa@example.cm", right=True, first_name="Awa")
    client.force_login(moderator())

    failed = client.get(LISTING, {"status": "failed"}).content.decode()
    passed = client.get(LISTING, {"status": "passed", "course": exam_site["course"].pk})

    assert "Nadia Fouda" in failed and "Awa Fouda" not in failed
    html = passed.content.decode()
    assert "Awa Fouda" in html and "Nadia Fouda" not in html


def test_the_instructor_sees_her_own_courses_attempts_only(client, exam_site):
    _student, attempt = sat(exam_site, "nadia@example.cm")
    other, other_page = make_instructor(
        "fanta@example.cm", index=exam_site["instructors"], title="Fanta Diallo"
    )
    make_course(exam_site["catalogue"], other_page, title="Ongles", slug="ongles-examen")

    client.force_login(exam_site["teacher"])
    own = client.get(LISTING)
    own_detail = client.get(f"{LISTING}{attempt.pk}/")
    client.force_login(other)
    theirs = client.get(LISTING)
    theirs_detail = client.get(f"{LISTING}{attempt.pk}/")

    assert own.status_code == 200 and "Nadia Fouda" in own.content.decode()
    assert own_detail.status_code == 200
    # The instructor reads; only a moderator grants an attempt.
    assert grant_url(attempt) not in own_detail.content.decode()
    assert theirs.status_code == 200 and "Nadia Fouda" not in theirs.content.decode()
    assert theirs_detail.status_code == 404


def test_students_cannot_open_the_listing(client, exam_site):
    student, attempt = sat(exam_site, "nadia@example.cm")
    client.force_login(student)

    assert client.get(LISTING).status_code in (302, 403)
    assert client.get(f"{LISTING}{attempt.pk}/").status_code in (302, 403)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_moderator_grants_one_extra_attempt_with_a_logged_reason(client, exam_site, language):
    student, attempt = sat(exam_site, "nadia@example.cm")
    modo = moderator()
    prefer_admin_language(modo, language)
    client.force_login(modo)
    reason = {"reason": "Coupure de courant pendant l'examen"}

    asked = client.post(grant_url(attempt), reason)
    done = client.post(grant_url(attempt), {**reason, "confirm": "1"})

    assert asked.status_code == 200
    consequence = {"fr": "L’attente de 24 heures", "en": "The 24-hour wait"}[language]
    assert consequence in asked.content.decode()
    assert done.status_code == 302
    lifted_at, lifted_by, logged = state(attempt)
    assert lifted_at is not None and lifted_by == modo.pk and logged == 1
    log = SupportAction.objects.get()
    assert (log.action, log.reason, log.person_id) == ("exam_retake", reason["reason"], student.pk)
    # She starts again at once; after that attempt, the wait holds again.
    second = exam_services.start_exam(user=student, course=exam_site["course"])
    assert ExamAttempt.objects.filter(enrolment=attempt.enrolment).count() == 2
    assert second.pk != attempt.pk


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "L’attente après cette tentative a déjà été levée."),
        ("en", "The wait after this attempt was already lifted."),
    ],
)
def test_the_wait_is_lifted_once_only(client, exam_site, language, message):
    student, attempt = sat(exam_site, "nadia@example.cm")
    modo = moderator()
    exam_services.lift_wait(attempt_id=attempt.pk, person=student, by=modo)
    prefer_admin_language(modo, language)
    client.force_login(modo)
    before = state(attempt)

    response = client.post(grant_url(attempt), {"reason": "Encore", "confirm": "1"})

    assert response.status_code == 400 and message in response.content.decode()
    assert state(attempt) == before


def test_a_passed_assessment_gets_no_extra_attempt(client, exam_site):
    _student, attempt = sat(exam_site, "nadia@example.cm", right=True)
    client.force_login(moderator())

    response = client.post(grant_url(attempt), {"reason": "Pour voir", "confirm": "1"})

    assert response.status_code == 400
    assert "Cette évaluation est déjà réussie" in response.content.decode()
    assert state(attempt) == (None, None, 0)


def test_without_a_reason_nothing_is_granted(client, exam_site):
    _student, attempt = sat(exam_site, "nadia@example.cm")
    client.force_login(moderator())

    response = client.post(grant_url(attempt), {"reason": "", "confirm": "1"})

    assert response.status_code == 400
    assert state(attempt) == (None, None, 0)


@pytest.mark.parametrize("who", ["teacher", "other_instructor", "student"])
def test_only_moderators_grant_an_attempt(client, exam_site, who):
    student, attempt = sat(exam_site, "nadia@example.cm")
    people = {
        "teacher": exam_site["teacher"],
        "student": student,
        "other_instructor": make_instructor(
            "fanta@example.cm", index=exam_site["instructors"], title="Fanta Diallo"
        )[0],
    }
    client.force_login(people[who])

    response = client.post(grant_url(attempt), {"reason": "Je veux", "confirm": "1"})

    assert response.status_code == 403
    assert state(attempt) == (None, None, 0)


def test_another_persons_attempt_is_not_found(client, exam_site):
    _student, attempt = sat(exam_site, "nadia@example.cm")
    someone = graduate("awa@example.cm")
    client.force_login(moderator())

    response = client.post(
        f"/admin/support/{someone.pk}/exam_retake/{attempt.pk}/", {"reason": "x", "confirm": "1"}
    )

    assert response.status_code == 404
    assert state(attempt) == (None, None, 0)
