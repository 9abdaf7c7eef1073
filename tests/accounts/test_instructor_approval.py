import pytest
from django.core import mail

from accounts.models import User

from ..conftest import make_person

QUEUE = "/admin/instructor-requests/"


@pytest.fixture
def applicant(db):
    return make_person(
        "applicant@example.cm",
        instructor_status=User.InstructorStatus.PENDING,
        preferred_language="fr",
    )


@pytest.mark.django_db
def test_pending_instructor_cannot_enter_the_admin(client, applicant):
    client.force_login(applicant)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.mark.django_db
def test_moderator_sees_the_queue_and_approves(
    client, moderator, applicant, django_capture_on_commit_callbacks
):
    client.force_login(moderator)

    listing = client.get(QUEUE)
    assert "applicant@example.cm" in listing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE}{applicant.pk}/", {"decision": "approve"})

    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.is_approved_instructor
    assert applicant.groups.filter(name="Instructors").exists()
    assert (
        mail.outbox[0].subject == "Vous pouvez maintenant créer des cours sur Beauty Skills Academy"
    )
    client.force_login(applicant)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_moderator_declines(client, moderator, applicant, django_capture_on_commit_callbacks):
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}{applicant.pk}/", {"decision": "reject"})

    applicant.refresh_from_db()
    assert applicant.instructor_status == User.InstructorStatus.REJECTED
    assert not applicant.groups.exists()


@pytest.mark.django_db
def test_instructor_cannot_approve_anyone(client, instructor, applicant):
    client.force_login(instructor)

    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert client.get(QUEUE).url == "/admin/"
    assert client.post(f"{QUEUE}{applicant.pk}/", {"decision": "approve"}).url == "/admin/"
    applicant.refresh_from_db()
    assert applicant.instructor_status == User.InstructorStatus.PENDING


@pytest.mark.django_db
def test_deciding_twice_changes_nothing_the_second_time(client, moderator, applicant):
    client.force_login(moderator)
    client.post(f"{QUEUE}{applicant.pk}/", {"decision": "approve"})

    again = client.post(f"{QUEUE}{applicant.pk}/", {"decision": "reject"}, follow=True)

    assert "n&#x27;attend pas de décision" in again.content.decode()
    applicant.refresh_from_db()
    assert applicant.is_approved_instructor


@pytest.mark.django_db
def test_student_asks_to_teach_from_the_account_page(client, student):
    client.force_login(student)

    response = client.post("/fr/account/teach/")

    assert response.status_code == 302
    student.refresh_from_db()
    assert student.instructor_status == User.InstructorStatus.PENDING


@pytest.mark.django_db
def test_moderator_enters_the_admin(client, moderator):
    client.force_login(moderator)

    assert client.get("/admin/").status_code == 200
