"""In French, creating an account and enrolling in a course read as two different acts."""

import pytest


@pytest.mark.django_db
def test_visitor_sees_create_an_account_and_start_the_course_as_different_words(
    client, course_site
):
    html = client.get(course_site["course"].url).content.decode()

    assert "Créer un compte" in html
    assert "Commencer gratuitement" in html
    assert ">S'inscrire<" not in html


@pytest.mark.django_db
def test_paid_course_button_says_enrol_in_the_course(client, course_site):
    html = client.get(course_site["paid"].url).content.decode()

    assert "S'inscrire à la formation" in html
    assert "Créer un compte" in html
