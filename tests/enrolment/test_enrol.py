import pytest

from enrolment.models import Enrolment

from ..conftest import make_person


@pytest.mark.django_db
def test_student_enrols_in_a_free_course_with_one_tap(client, course_site):
    student = make_person("linda@example.cm")
    client.force_login(student)

    response = client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")

    assert response.status_code == 302
    assert response.url == course_site["preview"].url
    assert Enrolment.objects.get(user=student).course_id == course_site["course"].pk


@pytest.mark.django_db
def test_enrolling_twice_changes_nothing(client, course_site):
    student = make_person("linda@example.cm")
    client.force_login(student)

    client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")
    client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")

    assert Enrolment.objects.filter(user=student).count() == 1


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_log_in_and_back_to_the_enrol_step(client, course_site):
    response = client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")

    assert response.status_code == 302
    assert response.url == f"/fr/accounts/login/?next=/fr/learn/enrol/{course_site['course'].pk}/"
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_paid_course_cannot_be_enrolled_for_free(client, course_site):
    student = make_person("linda@example.cm")
    client.force_login(student)

    response = client.post(f"/fr/learn/enrol/{course_site['paid'].pk}/", follow=True)

    assert "Ce cours est payant" in response.content.decode()
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_enrolment_from_the_english_page_is_the_same_enrolment(client, course_site):
    from demo.pages import translate_page

    english = translate_page(
        course_site["course"], course_site["en"], title="Flawless", slug="flawless"
    )
    student = make_person("linda@example.cm")
    client.force_login(student)

    client.post(f"/en/learn/enrol/{english.pk}/")
    client.post(f"/fr/learn/enrol/{course_site['course'].pk}/")

    enrolment = Enrolment.objects.get(user=student)
    assert enrolment.course_id == course_site["course"].pk


@pytest.mark.django_db
def test_get_only_asks_and_never_enrols(client, course_site):
    client.force_login(make_person("linda@example.cm"))

    response = client.get(f"/fr/learn/enrol/{course_site['course'].pk}/")

    assert response.status_code == 200
    assert not Enrolment.objects.exists()
