"""Who may create a group, what a bad one gets, and finding groups by town, speciality
and language, in French and English."""

import pytest

from community.models import Group, Membership

from .conftest import make_group, shows


def form(site, **overrides):
    data = {
        "name": "Tresses Akwa",
        "description": "Entraînement aux knotless chaque samedi matin.",
        "speciality": site["category"].pk,
        "town": "douala",
        "language": "fr",
        "is_open": "1",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["founder", "graduate", "moderator"])
def test_enrolled_certified_and_moderators_create_a_group(client, people, who):
    client.force_login(people[who])
    response = client.post("/fr/groups/new/", form(people))
    group = Group.objects.get()
    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert group.owner == people[who] and group.town == people["douala"]
    assert group.memberships.get().status == Membership.Status.MEMBER
    page = client.get(response["Location"])
    assert shows(page, "Antenne locale · Douala")


@pytest.mark.parametrize(
    "language, message",
    [
        (
            "fr",
            "Seules les personnes inscrites à une formation ou titulaires d’un certificat peuvent créer un groupe.",
        ),
        ("en", "Only students enrolled in a course or holding a certificate can create a group."),
    ],
)
def test_someone_never_enrolled_cannot_create_a_group(client, people, language, message):
    client.force_login(people["stranger"])
    page = client.get(f"/{language}/groups/new/")
    refused = client.post(f"/{language}/groups/new/", form(people))
    assert page.status_code == refused.status_code == 403
    assert shows(refused, message)
    assert not Group.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in_before_creating(client, people):
    response = client.get("/fr/groups/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": ""}, "Give the group a name."),
        ({"name": "   "}, "Give the group a name."),
        ({"description": ""}, "Say in a few words what the group is for."),
        (
            {"description": "x" * 20_000},
            "This text can be 2,000 characters at most; it has 20,000. Shorten it.",
        ),
        ({"speciality": "999999"}, "Select a valid choice."),
    ],
)
def test_a_bad_group_is_refused_clearly_and_nothing_is_stored(client, people, overrides, message):
    client.force_login(people["founder"])
    response = client.post("/en/groups/new/", form(people, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Group.objects.exists() and not Membership.objects.exists()


def test_a_bad_group_is_refused_in_french_too(client, people):
    client.force_login(people["founder"])
    response = client.post("/fr/groups/new/", form(people, description="x" * 20_000))
    assert response.status_code == 400
    assert shows(response, "Ce texte peut compter 2 000 caractères au plus ; il en a 20 000.")
    assert not Group.objects.exists()


def test_html_in_a_group_is_shown_escaped(client, people):
    group = make_group(
        people, name="<b>Tresses</b>", description="<script>alert('x')</script> Bienvenue"
    )
    page = client.get(group.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)" in page
    assert "&lt;b&gt;Tresses&lt;/b&gt;" in page


def test_groups_are_found_by_town_speciality_and_language(client, people):
    douala = make_group(people, name="Tresses Douala")
    yaounde = make_group(people, name="Make-up Yaoundé", town="yaounde", language="en")
    online = make_group(people, name="Nail art online", town=None)

    def names(**params):
        response = client.get("/en/groups/", params)
        assert response.status_code == 200
        return {card["group"].name for card in response.context["cards"]}

    assert names() == {douala.name, yaounde.name, online.name}
    assert names(town="douala") == {douala.name}
    assert names(language="en") == {yaounde.name}
    assert names(speciality=people["category"].pk, town="yaounde") == {yaounde.name}
    assert names(q="nail") == {online.name}
    page = client.get("/en/groups/", {"town": "douala"})
    assert shows(page, "Local chapter · Douala") and shows(page, "Make-up")
    assert shows(client.get("/en/groups/", {"q": "nail"}), "Online group")


def test_the_list_pages_through_many_groups(client, people):
    Group.objects.bulk_create(
        Group(
            name=f"Groupe {number}",
            slug=f"groupe-{number}",
            description="…",
            language="fr",
            speciality=people["category"],
            town=people["douala"],
        )
        for number in range(45)
    )
    first = client.get("/fr/groups/", {"town": "douala"})
    third = client.get("/fr/groups/", {"town": "douala", "page": 3})
    assert len(first.context["cards"]) == 20 and len(third.context["cards"]) == 5
    assert shows(first, "Page 1 sur 3") and "town=douala&amp;page=2" in first.content.decode()


def test_a_group_page_with_an_old_name_redirects_to_its_address(client, people):
    group = make_group(people)
    response = client.get(f"/fr/groups/{group.pk}-ancien-nom/")
    assert response.status_code == 301 and response["Location"] == group.get_absolute_url()
    assert client.get(f"/en/groups/{group.pk}-{group.slug}/").status_code == 200
