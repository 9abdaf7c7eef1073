"""A professional creates a profile from the front end; a moderator approves it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from demo.sample_media import make_image_bytes
from directory.models import ProfessionalPage, ServiceCategory, SpokenLanguage, Town
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

CREATE = "/fr/directory/me/create/"


def profile_data(**overrides):
    data = {
        "title": "Studio Awa",
        "bio_fr": "Tresses et nattes à Akwa.",
        "bio_en": "Braids and cornrows in Akwa.",
        "specialities": [ServiceCategory.objects.get(slug="braiding").pk],
        "town": Town.objects.get(slug="douala").pk,
        "neighbourhood": "Akwa",
        "languages": [SpokenLanguage.objects.get(code="fr").pk],
        "phone": "677123456",
        "whatsapp": "",
    }
    data.update(overrides)
    return data


def test_anonymous_visitor_is_sent_to_log_in(client, directory):
    response = client.get(CREATE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_person_creates_a_draft_profile_sent_to_moderators(client, directory):
    user = make_person("awa@example.cm")
    client.force_login(user)
    photo = SimpleUploadedFile("awa.jpg", make_image_bytes("Awa", width=200, height=200))
    response = client.post(CREATE, {**profile_data(), "photo": photo})
    assert response.status_code == 302
    page = ProfessionalPage.objects.get(user=user, locale=directory["fr"])
    assert not page.live
    assert page.photo is not None
    assert page.workflow_in_progress
    english = page.get_translation(directory["en"]).specific
    assert (english.bio, english.live) == ("Braids and cornrows in Akwa.", False)
    assert client.get(page.url).status_code == 404
    assert "Studio Awa" not in client.get("/fr/professionnelles/").content.decode()


def test_moderator_approval_publishes_both_languages_and_lists_the_profile(
    client, directory, moderator, django_capture_on_commit_callbacks
):
    user = make_person("awa@example.cm")
    client.force_login(user)
    client.post(CREATE, profile_data())
    page = ProfessionalPage.objects.get(user=user, locale=directory["fr"])
    task_state = page.current_workflow_state.current_task_state

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
    page.refresh_from_db()
    assert page.live
    assert page.get_translation(directory["en"]).live
    assert "Studio Awa" in client.get("/fr/professionnelles/").content.decode()
    assert "Studio Awa" in client.get("/en/professionals/").content.decode()


def test_second_profile_is_refused_and_nothing_changes(client, directory):
    user = make_person("awa@example.cm")
    client.force_login(user)
    client.post(CREATE, profile_data())
    response = client.post(CREATE, profile_data(title="Encore Awa"), follow=True)
    assert "déjà un profil" in response.content.decode()
    assert ProfessionalPage.objects.filter(user=user).count() == 2  # French + English drafts


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"phone": "12345"}, "Saisissez un numéro camerounais"),
        ({"town": "999999"}, "Sélectionnez un choix valide"),
        ({"travels_to_clients": "on", "travel_radius_km": ""}, "jusqu&#x27;où"),
        ({"title": ""}, "Champ requis"),
    ],
)
def test_bad_profile_input_is_refused_with_a_message(client, directory, overrides, message):
    client.force_login(make_person("awa@example.cm"))
    response = client.post(CREATE, profile_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProfessionalPage.objects.exists()


def test_html_in_the_bio_is_shown_as_text(client, directory):
    from .builders import make_professional

    page = make_professional(directory["index"], "Studio Awa", bio="<b>Top</b><script>x()</script>")
    body = client.get(page.url).content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in body
    assert "<script>x()" not in body
