"""The preferences page: a kind × channel grid, quiet hours and the digest. Only what
differs from the defaults is stored; bad input is refused whole with a clear error."""

import re

import pytest

from notifications.models import NotificationPreference, NotificationSettings

from .notifying import person

URL = "/fr/notifications/preferences/"


@pytest.fixture
def awa(db):
    return person()


@pytest.fixture
def awa_client(client, awa):
    client.force_login(awa)
    return client


def default_form(page):
    """The form as the page sends it untouched: every checked, enabled box."""
    boxes = re.findall(
        r'<input type="checkbox" name="(pref:[^"]+)"[^>]*?( checked)?( disabled)?>', page
    )
    return {name: "on" for name, checked, disabled in boxes if checked and not disabled}


@pytest.mark.django_db
def test_the_grid_shows_defaults_and_essential_kinds_checked_and_disabled(awa_client):
    page = awa_client.get(URL).content.decode()

    assert 'name="pref:payment_received:sms" aria-label="Paiement reçu — SMS" checked>' in page
    assert 'name="pref:instructor_decision:email"' in page
    assert (
        'aria-label="Décision sur votre demande de formateur·rice — E-mail" checked disabled>'
        in page
    )
    # Learning kinds offer no SMS at all.
    assert 'name="pref:certificate_ready:sms"' not in page


@pytest.mark.django_db
def test_saving_the_page_untouched_stores_nothing(awa_client):
    data = default_form(awa_client.get(URL).content.decode())

    response = awa_client.post(URL, data)

    assert response.status_code == 302
    assert not NotificationPreference.objects.exists()
    assert not NotificationSettings.objects.exists()


@pytest.mark.django_db
def test_only_the_changes_are_stored_and_shown_again(awa_client, awa):
    data = default_form(awa_client.get(URL).content.decode())
    del data["pref:payment_received:sms"]
    del data["pref:certificate_ready:push"]

    awa_client.post(URL, {**data, "quiet_from": "21:30", "quiet_to": "06:00", "digest": "on"})

    assert set(NotificationPreference.objects.values_list("kind", "channel", "enabled")) == {
        ("payment_received", "sms", False),
        ("certificate_ready", "push", False),
    }
    row = NotificationSettings.objects.get(user=awa)
    assert (str(row.quiet_from), str(row.quiet_to), row.digest) == ("21:30:00", "06:00:00", True)
    page = awa_client.get(URL).content.decode()
    assert 'aria-label="Paiement reçu — SMS">' in page  # unchecked now
    assert 'value="21:30"' in page


@pytest.mark.django_db
def test_back_to_the_defaults_removes_what_was_stored(awa_client, awa):
    untouched = default_form(awa_client.get(URL).content.decode())
    changed = {key: value for key, value in untouched.items() if "payment" not in key}
    awa_client.post(URL, {**changed, "digest": "on"})
    assert NotificationPreference.objects.exists()

    awa_client.post(URL, untouched)

    assert not NotificationPreference.objects.exists()
    assert not NotificationSettings.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"pref:no_such_kind:email": "on"}, "Type de notification inconnu\u00a0: no_such_kind."),
        (
            {"pref:certificate_ready:sms": "on"},
            "«\u00a0Certificat prêt\u00a0» ne peut pas être envoyé par sms.",
        ),
        (
            {"pref:payment_received:fax": "on"},
            "«\u00a0Paiement reçu\u00a0» ne peut pas être envoyé par fax.",
        ),
        ({"quiet_from": "25:00", "quiet_to": "06:00"}, "Saisissez une heure valide."),
        (
            {"quiet_from": "22:00"},
            "Indiquez le début et la fin des heures calmes, ou aucun des deux.",
        ),
        (
            {"quiet_from": "22:00", "quiet_to": "22:00"},
            "Les heures calmes doivent commencer et finir",
        ),
    ],
)
def test_bad_input_gets_a_clear_error_and_nothing_is_stored(awa_client, extra, error):
    data = {"pref:payment_received:email": "on", "digest": "on", **extra}

    response = awa_client.post(URL, data)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not NotificationPreference.objects.exists()
    assert not NotificationSettings.objects.exists()


@pytest.mark.django_db
def test_essential_kinds_cannot_be_switched_off_by_a_forged_form(awa_client):
    awa_client.post(URL, {})  # every box unticked, the disabled ones too

    assert not NotificationPreference.objects.filter(kind="instructor_decision").exists()


@pytest.mark.django_db
def test_the_page_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_the_page_is_in_english_too(client):
    client.force_login(person("peter@example.cm", preferred_language="en"))
    page = client.get("/en/notifications/preferences/").content.decode()
    assert "Notification choices" in page and "Quiet hours" in page
