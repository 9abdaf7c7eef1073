"""Entering a challenge, role by role: a signed-in member enters one photo (an optional
"before" beside the "after") with a short caption and may replace her photo until the
deadline. Second entries, late entries, files that are no photo, empty or huge
captions, a link from a new member: refused with a translated answer, nothing stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.challenges.services import entries_by
from community.models import Challenge, Contribution, Entry

from .challenges_kit import close, enter, post, text
from .conftest import pdf_upload, photo_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(people):
    return post(people)


def send(client, challenge, language="fr", **data):
    data.setdefault("caption", "Tresses collées sur ma sœur")
    data.setdefault("photo", photo_upload())
    return client.post(f"/{language}/challenges/{challenge.pk}/enter/", data)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_member_enters_once_with_a_before_photo(client, people, challenge, language):
    client.force_login(people["founder"])
    assert client.get(f"/{language}/challenges/{challenge.pk}/enter/").status_code == 200
    response = send(client, challenge, language, before=photo_upload("avant.jpg"))
    entry = Entry.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#e{entry.pk}")
    assert entry.author == people["founder"] and entry.photo.name.endswith(".webp")
    assert entry.before_small.name.endswith(".webp")
    assert Contribution.objects.filter(kind="challenge_entry", object_id=entry.pk).exists()
    page = text(client.get(f"/{language}/challenges/{challenge.pk}/"))
    assert "Tresses collées sur ma sœur" in page
    assert f"/{language}/challenges/entries/{entry.pk}/before-small.webp" in page
    assert client.get(f"/{language}/challenges/entries/{entry.pk}/after.webp").status_code == 200

    again = send(client, challenge, language, caption="Encore")
    # Once entered, the same address replaces the photo: the entry stays one.
    assert again.status_code == 302 and Entry.objects.count() == 1
    assert Entry.objects.get().caption == "Encore" and Entry.objects.get().replaced_at


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_second_entry_is_refused(people, challenge, language):
    from django.utils import translation

    from community.errors import NotAllowed

    enter(challenge, people["founder"])
    with translation.override(language), pytest.raises(NotAllowed) as refused:
        enter(challenge, people["founder"])
    assert {
        "fr": "Vous avez déjà participé à ce défi",
        "en": "You have already entered this challenge",
    }[language] in refused.value.message
    assert Entry.objects.count() == 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_entry_after_the_deadline_or_before_the_opening_is_refused(
    client, people, challenge, language
):
    client.force_login(people["founder"])
    close(challenge)
    response = send(client, challenge, language)
    assert response.status_code == 403
    assert {
        "fr": "Ce défi est clos : la date limite est passée.",
        "en": "This challenge is closed: the deadline has passed.",
    }[language] in text(response)
    later = post(people, opens_at=timezone.now() + timedelta(days=1))
    response = send(client, later, language)
    assert response.status_code == 403
    assert {"fr": "Ce défi n'est pas encore ouvert.", "en": "This challenge is not open yet."}[
        language
    ] in text(response)
    assert not Entry.objects.exists()


LONG = "a" * 20_000


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    "data, error",
    [
        (
            {"caption": "  "},
            {
                "fr": "Écrivez une courte légende : ce que vous avez fait, et comment.",
                "en": "Write a short caption: what you did, and how.",
            },
        ),
        (
            {"caption": LONG},
            {
                "fr": "Ce texte peut compter 300 caractères au plus ; il en a 20 000.",
                "en": "This text can be 300 characters at most; it has 20,000.",
            },
        ),
        (
            {"photo": ""},
            {"fr": "Choisissez la photo de votre travail.", "en": "Choose the photo of your work."},
        ),
        (
            {"photo": pdf_upload("apres.jpg")},
            {"fr": "« apres.jpg » n'est pas une photo", "en": "“apres.jpg” is not a photo"},
        ),
        (
            {"before": pdf_upload("avant.jpg")},
            {"fr": "« avant.jpg » n'est pas une photo", "en": "“avant.jpg” is not a photo"},
        ),
    ],
)
def test_bad_entries_are_refused_and_nothing_stored(
    client, people, challenge, language, data, error
):
    client.force_login(people["founder"])
    response = send(client, challenge, language, **data)
    assert response.status_code == 400
    assert error[language] in text(response)
    assert (
        not Entry.objects.exists()
        and not Contribution.objects.filter(kind="challenge_entry").exists()
    )


def test_a_caption_with_html_is_shown_escaped(client, people, challenge):
    enter(challenge, people["founder"], caption="<img src=x onerror=alert(1)>")
    page = text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page


def test_a_new_member_posts_no_link(client, people, challenge):
    from ..conftest import make_person

    newcomer = make_person("nouvelle@example.cm", first_name="Awa")
    client.force_login(newcomer)
    response = send(client, challenge, "en", caption="See www.mes-tresses.cm")
    assert response.status_code == 400
    assert "New members can't post links during their first days." in text(response)
    assert not Entry.objects.exists()


def test_the_photo_is_replaced_until_the_deadline_only(
    client, people, challenge, django_capture_on_commit_callbacks
):
    entry = enter(challenge, people["founder"])
    first = entry.photo.name
    client.force_login(people["founder"])
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, challenge, "en", caption="Mieux").status_code == 302
    entry.refresh_from_db()
    assert entry.photo.name != first and not entry.photo.storage.exists(first)
    close(challenge)
    response = send(client, challenge, "en", caption="Trop tard")
    assert response.status_code == 403
    assert "This challenge is closed: the deadline has passed." in text(response)
    entry.refresh_from_db()
    assert entry.caption == "Mieux"


def test_who_may_enter(client, people, challenge):
    # A visitor signs in first; the challenge's author and an inactive account can't.
    assert client.post(f"/fr/challenges/{challenge.pk}/enter/").status_code == 302
    client.force_login(people["moderator"])
    response = send(client, challenge, "en")
    assert response.status_code == 403
    assert "You posted this challenge: you can't enter it." in text(response)
    assert not Entry.objects.exists()


def test_an_inactive_account_cannot_enter(people, challenge):
    from community.errors import NotAllowed

    people["stranger"].is_active = False
    with pytest.raises(NotAllowed):
        enter(challenge, people["stranger"])
    assert not Entry.objects.exists()


def test_entries_by_lists_a_members_recent_visible_entries(people, challenge):
    other = post(people, title_fr="Deuxième défi")
    first, second = enter(challenge, people["founder"]), enter(other, people["founder"])
    enter(challenge, people["classmate"])
    assert entries_by(people["founder"]) == [second, first]
    Entry.objects.filter(pk=second.pk).update(visibility=Entry.Visibility.WAITING)
    Challenge.objects.filter(pk=challenge.pk).update(visibility=Challenge.Visibility.REMOVED)
    assert entries_by(people["founder"]) == []
