"""'Commencer gratuitement' while logged out: after logging in she is one tap from lesson 1."""

import pytest

from enrolment.models import Enrolment

from ..conftest import PASSWORD, make_person


@pytest.mark.django_db
def test_anonymous_start_then_login_lands_on_start_button_and_one_post_opens_lesson_one(
    client, course_site
):
    course = course_site["course"]
    student = make_person("linda@example.cm")
    enrol_url = f"/fr/learn/enrol/{course.pk}/"

    to_login = client.post(enrol_url)
    landing = client.post(to_login.url, {"login": student.email, "password": PASSWORD}, follow=True)

    html = landing.content.decode()
    assert landing.redirect_chain[-1][0] == enrol_url
    assert f"Commencer «\u00a0{course.title}\u00a0»\u00a0?" in html
    assert f'action="{enrol_url}"' in html and "Commencer gratuitement" in html
    assert not Enrolment.objects.exists()

    started = client.post(enrol_url)

    assert started.url == course_site["preview"].url
    assert Enrolment.objects.get(user=student).course_id == course.pk


@pytest.mark.django_db
def test_the_start_step_sends_an_enrolled_student_back_to_the_course(client, course_site):
    student = make_person("linda@example.cm")
    client.force_login(student)
    client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")

    response = client.get(f"/fr/learn/enrol/{course_site['course'].pk}/")

    assert response.url == course_site["course"].url
    assert Enrolment.objects.filter(user=student).count() == 1


@pytest.mark.django_db
def test_the_start_step_of_a_paid_course_sends_her_to_the_course_page(client, course_site):
    client.force_login(make_person("linda@example.cm"))

    response = client.get(f"/fr/learn/enrol/{course_site['paid'].pk}/")

    assert response.url == course_site["paid"].url
    assert not Enrolment.objects.exists()
