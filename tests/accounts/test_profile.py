import pytest

from accounts.models import User


def profile_data(**overrides):
    data = {
        "first_name": "Linda",
        "last_name": "Tchoua",
        "phone": "+237 699 11 22 33",
        "preferred_language": "en",
        "region": "CE",
        "town": "Yaoundé",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/fr/account/profile/")

    assert response.status_code == 302
    assert response.url.startswith("/fr/accounts/login/?next=/fr/account/profile/")


@pytest.mark.django_db
def test_student_edits_profile_and_lands_in_the_chosen_language(client, student):
    client.force_login(student)

    response = client.post("/fr/account/profile/", profile_data())

    assert response.status_code == 302
    assert response.url == "/en/account/"
    student.refresh_from_db()
    assert str(student.phone) == "+237699112233"
    assert student.region == "CE"
    assert student.preferred_language == "en"
    assert "Yaoundé, Centre" in client.get(response.url).content.decode()


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "699", "not a phone"])
@pytest.mark.django_db
def test_malformed_phone_is_refused_and_nothing_changes(client, student, phone):
    client.force_login(student)

    response = client.post("/fr/account/profile/", profile_data(phone=phone, town="Kribi"))

    assert response.status_code == 200
    assert "Saisissez un numéro camerounais" in response.content.decode()
    student.refresh_from_db()
    assert student.town == "" and str(student.phone) == ""


@pytest.mark.django_db
def test_unknown_region_is_refused(client, student):
    client.force_login(student)

    response = client.post("/en/account/profile/", profile_data(region="XX"))

    assert "Select a valid choice" in response.content.decode()
    assert User.objects.get(pk=student.pk).region == ""


@pytest.mark.django_db
def test_password_change_works_from_the_account(client, student):
    client.force_login(student)

    response = client.post(
        "/fr/accounts/password/change/",
        {
            "oldpassword": "Tresses-Douala-2026",
            "password1": "Nouvelle-Coiffure-2027",
            "password2": "Nouvelle-Coiffure-2027",
        },
    )

    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("Nouvelle-Coiffure-2027")
