"""Posting a challenge, role by role: moderators and instructors post through the
front-end form (title and brief in French and English, up to three example photos,
re-encoded WebP); members, strangers and visitors can't. Bad input is refused with a
translated answer and stores nothing; each reader sees the text of her language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.models import Challenge, ChallengePhoto

from .challenges_kit import BRIEFS, TITLES, post, text
from .conftest import pdf_upload, photo_upload

pytestmark = pytest.mark.django_db

DOUALA_FORMAT = "%Y-%m-%d"


def form_data(**changes):
    today = timezone.localdate()
    data = {
        "period": "monthly",
        "title_fr": "Ongles en dégradé",
        "title_en": "Ombre nails",
        "brief_fr": "Un dégradé propre sur dix ongles.",
        "brief_en": "A clean ombre on ten nails.",
        "opens_day": today.strftime(DOUALA_FORMAT),
        "opens_time": "00:00",
        "deadline_day": (today + timedelta(days=30)).strftime(DOUALA_FORMAT),
        "deadline_time": "20:00",
        "prize": "Un coffret de vernis",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("who", ["moderator", "teacher"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_moderators_and_instructors_post_a_challenge(client, people, who, language):
    client.force_login(people[who])
    page = client.get(f"/{language}/challenges/new/")
    assert page.status_code == 200
    data = form_data(speciality=people["category"].pk, photos=[photo_upload()])
    response = client.post(f"/{language}/challenges/new/", data)
    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/challenges/{challenge.pk}/"
    assert challenge.author == people[who] and challenge.period == "monthly"
    assert timezone.localtime(challenge.deadline).hour == 20
    assert ChallengePhoto.objects.get().image.name.endswith(".webp")
    shown = client.get(response["Location"])
    assert ("Ongles en dégradé" if language == "fr" else "Ombre nails") in text(shown)
    assert client.get(f"/{language}/challenges/").status_code == 200


@pytest.mark.parametrize("who", ["founder", "graduate", "stranger"])
def test_members_cannot_post_a_challenge(client, people, who):
    client.force_login(people[who])
    for language, refusal in [
        ("fr", "Seuls les modérateurs et les formateurs peuvent publier un défi."),
        ("en", "Only moderators and instructors can post a challenge."),
    ]:
        response = client.post(
            f"/{language}/challenges/new/", form_data(speciality=people["category"].pk)
        )
        assert response.status_code == 403 and refusal in text(response)
    assert not Challenge.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, people):
    response = client.get("/fr/challenges/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


LONG = "a" * 20_000

BAD_INPUT = [
    (
        {"title_fr": "  "},
        {"fr": "Donnez un titre en français au défi.", "en": "Give the challenge a French title."},
    ),
    (
        {"brief_en": ""},
        {"fr": "Écrivez la consigne en anglais.", "en": "Write the brief in English."},
    ),
    (
        {"brief_fr": LONG},
        {
            "fr": "Ce texte peut compter 5 000 caractères au plus ; il en a 20 000.",
            "en": "This text can be 5,000 characters at most; it has 20,000.",
        },
    ),
    (
        {"deadline_day": "2020-01-01"},
        {
            "fr": "La date limite doit être dans le futur.",
            "en": "The deadline must be in the future.",
        },
    ),
    (
        {"opens_day": (timezone.localdate() + timedelta(days=40)).strftime(DOUALA_FORMAT)},
        {
            "fr": "La date limite doit venir après l'ouverture.",
            "en": "The deadline must come after the opening.",
        },
    ),
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("changes, error", BAD_INPUT)
def test_bad_input_is_refused_and_nothing_stored(client, people, language, changes, error):
    client.force_login(people["moderator"])
    data = form_data(speciality=people["category"].pk, **changes)
    response = client.post(f"/{language}/challenges/new/", data)
    assert response.status_code == 400
    assert error[language] in text(response)
    assert not Challenge.objects.exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_file_that_is_no_photo_and_a_fourth_photo_are_refused(client, people, language):
    client.force_login(people["moderator"])
    response = client.post(
        f"/{language}/challenges/new/",
        form_data(speciality=people["category"].pk, photos=[pdf_upload("exemple.jpg")]),
    )
    assert response.status_code == 400
    assert {
        "fr": "« exemple.jpg » n'est pas une photo",
        "en": "“exemple.jpg” is not a photo",
    }[language] in text(response)
    response = client.post(
        f"/{language}/challenges/new/",
        form_data(speciality=people["category"].pk, photos=[photo_upload() for _ in range(4)]),
    )
    assert response.status_code == 400
    assert {
        "fr": "Ajoutez 3 photos d'exemple au plus.",
        "en": "Add 3 example photos at most.",
    }[language] in text(response)
    assert not Challenge.objects.exists() and not ChallengePhoto.objects.exists()


def test_each_reader_sees_her_language_and_html_is_shown_escaped(client, people):
    challenge = post(people, title_fr="<script>alert(1)</script> Tresses", brief_en="<b>Bold</b>")
    french = text(client.get(f"/fr/challenges/{challenge.pk}/"))
    english = text(client.get(f"/en/challenges/{challenge.pk}/"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tresses" in french
    assert "<script>alert(1)" not in french
    assert BRIEFS["fr"] in french and BRIEFS["en"] not in french
    assert TITLES["en"] in english and "&lt;b&gt;Bold&lt;/b&gt;" in english
