"""A professional changes the profile text, contact and photo from the front end; the
change waits for a moderator, like a new profile, and only the owner can make it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from demo.sample_media import make_image_bytes
from directory.models import ProfessionalPage, SpokenLanguage
from tests.conftest import make_person

from .builders import make_professional

pytestmark = pytest.mark.django_db

EDIT = "/fr/directory/me/edit/"
SEARCH = "/fr/professionnelles/"


def details(**overrides):
    data = {
        "bio_fr": "Tresses et chignons à Bonapriso.",
        "bio_en": "Braids and buns in Bonapriso.",
        "neighbourhood": "Bonapriso",
        "travels_to_clients": "on",
        "travel_radius_km": "20",
        "languages": [
            language.pk for language in SpokenLanguage.objects.filter(code__in=["fr", "en"])
        ],
        "phone": "699887766",
        "whatsapp": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def awa(directory):
    return make_professional(
        directory["index"],
        "Studio Awa",
        bio="Tresses à Akwa.",
        neighbourhood="Akwa",
        phone="+237677123456",
    )


def fresh(page):
    return ProfessionalPage.objects.get(pk=page.pk)


def act_as_moderator(client, moderator, page, action, capture):
    page = fresh(page)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(moderator)
    with capture(execute=True):
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
            {"comment": "Merci de préciser." if action == "reject" else ""},
        )


def test_owner_changes_wait_for_a_moderator_then_show_in_both_languages_and_search(
    client, directory, awa, moderator, django_capture_on_commit_callbacks
):
    client.force_login(awa.user)
    response = client.post(EDIT, details())
    assert response.status_code == 302
    assert fresh(awa).workflow_in_progress
    public = client.get(awa.url).content.decode()
    assert "Tresses à Akwa." in public
    assert "Bonapriso" not in public
    assert client.get(SEARCH, {"q": "bonapriso"}).context["cards"] == []

    act_as_moderator(client, moderator, awa, "approve", django_capture_on_commit_callbacks)

    french = fresh(awa)
    english = french.get_translation(directory["en"]).specific
    assert (french.bio, french.neighbourhood, french.travel_radius_km) == (
        "Tresses et chignons à Bonapriso.", "Bonapriso", 20,
    )  # fmt: skip
    assert (english.bio, english.neighbourhood) == ("Braids and buns in Bonapriso.", "Bonapriso")
    assert str(english.phone) == "+237699887766"
    assert sorted(language.code for language in english.languages.all()) == ["en", "fr"]
    assert "Braids and buns in Bonapriso." in client.get(english.url).content.decode()
    cards = client.get(SEARCH, {"q": "bonapriso", "language": "en"}).context["cards"]
    assert [card["page"].title for card in cards] == ["Studio Awa"]


def test_a_new_photo_is_stored_as_webp_and_shown_once_approved(
    client, awa, moderator, django_capture_on_commit_callbacks
):
    client.force_login(awa.user)
    photo = SimpleUploadedFile("awa.png", make_image_bytes("Awa", width=300, height=300, fmt="PNG"))
    assert client.post(EDIT, {**details(), "photo": photo}).status_code == 302
    assert fresh(awa).photo is None  # the public page keeps the approved version

    act_as_moderator(client, moderator, awa, "approve", django_capture_on_commit_callbacks)

    stored = fresh(awa).photo
    assert stored.file.name.endswith(".webp")
    assert stored.uploaded_by_user == awa.user


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_changes(client, awa):
    client.force_login(awa.user)
    revisions = awa.revisions.count()
    gif = SimpleUploadedFile("awa.gif", make_image_bytes("Awa", width=300, height=300, fmt="GIF"))

    response = client.post("/en/directory/me/edit/", {**details(), "photo": gif})

    assert response.status_code == 200
    assert "is not a photo (JPEG, PNG or HEIC)" in response.content.decode()
    assert awa.revisions.count() == revisions
    assert not get_image_model().objects.exists()
    assert not fresh(awa).workflow_in_progress


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"phone": "12345"}, "Saisissez un numéro camerounais"),
        ({"travel_radius_km": ""}, "jusqu&#x27;où"),
        ({"bio_fr": ""}, "Champ requis"),
        ({"bio_fr": "x" * 3001}, "3000 caractères"),
        ({"languages": ["999999"]}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_changes(client, awa, overrides, message):
    client.force_login(awa.user)
    revisions = awa.revisions.count()

    response = client.post(EDIT, details(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert awa.revisions.count() == revisions
    assert not fresh(awa).has_unpublished_changes


def test_html_in_the_new_bio_is_shown_as_text(
    client, awa, moderator, django_capture_on_commit_callbacks
):
    client.force_login(awa.user)
    client.post(EDIT, details(bio_fr="<img src=x onerror=alert(1)>Bienvenue"))
    act_as_moderator(client, moderator, awa, "approve", django_capture_on_commit_callbacks)
    body = client.get(awa.url).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;Bienvenue" in body
    assert "<img src=x" not in body


def test_another_professional_edits_only_her_own_profile(client, directory, awa):
    grace = make_professional(directory["index"], "Grace Nails", town="bamenda")
    client.force_login(grace.user)

    assert client.post(EDIT, details()).status_code == 302

    assert fresh(grace).has_unpublished_changes
    assert not fresh(awa).has_unpublished_changes
    assert fresh(awa).get_latest_revision_as_object().bio == "Tresses à Akwa."


def test_someone_without_a_profile_gets_not_found(client, awa):
    client.force_login(make_person("client@example.cm"))
    assert client.get(EDIT).status_code == 404
    assert client.post(EDIT, details()).status_code == 404
    assert not fresh(awa).has_unpublished_changes


def test_anonymous_visitor_is_sent_to_log_in_and_nothing_changes(client, awa):
    response = client.post(EDIT, details())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not fresh(awa).has_unpublished_changes


def test_the_form_starts_from_the_current_profile(client, awa):
    client.force_login(awa.user)
    form = client.get(EDIT).context["form"]
    assert form.initial["bio_fr"] == "Tresses à Akwa."
    assert form.initial["neighbourhood"] == "Akwa"
    assert str(form.initial["phone"]) == "+237677123456"


def test_editing_a_profile_still_awaiting_approval_keeps_one_workflow(
    client, directory, moderator, django_capture_on_commit_callbacks
):
    draft = make_professional(directory["index"], "Maison Yaya", live=False)
    draft.get_workflow().start(draft, draft.user)
    client.force_login(draft.user)

    assert client.post(EDIT, details(bio_en="")).status_code == 302

    act_as_moderator(client, moderator, draft, "approve", django_capture_on_commit_callbacks)
    assert fresh(draft).live
    assert fresh(draft).bio == "Tresses et chignons à Bonapriso."


def test_changes_after_a_moderator_asked_for_more_go_back_to_the_moderator(
    client, awa, moderator, django_capture_on_commit_callbacks
):
    client.force_login(awa.user)
    client.post(EDIT, details())
    act_as_moderator(client, moderator, awa, "reject", django_capture_on_commit_callbacks)
    state = fresh(awa).current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES

    client.force_login(awa.user)
    client.post(EDIT, details(bio_fr="Tresses, chignons et perruques à Bonapriso."))

    state = fresh(awa).current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS
    act_as_moderator(client, moderator, awa, "approve", django_capture_on_commit_callbacks)
    assert fresh(awa).bio == "Tresses, chignons et perruques à Bonapriso."
