"""Following and unfollowing from the instructor page, the professional page and a
member's page, role by role, in French and English; bad input changes nothing."""

import re

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from community.models import Follow, Group, Membership

from .conftest import shows
from .follows_site import follow, unfollow

LOGIN = "/{language}/accounts/login/"


def follows(site, who):
    return set(Follow.objects.filter(follower=site[who]).values_list("followed_id", flat=True))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_anonymous_people_are_sent_to_log_in(client, follow_site, language):
    for response in (
        client.get(f"/{language}/following/"),
        follow(client, follow_site["teacher"], language=language),
        unfollow(client, follow_site["teacher"], language=language),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN.format(language=language))
    assert not Follow.objects.exists()


def test_an_anonymous_visitor_sees_log_in_to_follow_on_the_instructor_page(client, follow_site):
    page = client.get(follow_site["teacher_page"].url)
    assert shows(page, "Connectez-vous pour suivre") and shows(page, "0 abonné")
    assert "/following/follow/" not in page.text


def test_a_student_follows_an_instructor_from_her_page_and_comes_back(client, follow_site):
    client.force_login(follow_site["linda"])
    address = follow_site["teacher_page"].url
    assert shows(client.get(address), "Suivre")

    response = follow(client, follow_site["teacher"], next_page=address)

    assert response.status_code == 302 and response["Location"] == address
    assert follows(follow_site, "linda") == {follow_site["teacher"].pk}
    page = client.get(address)
    assert shows(page, "Vous suivez maintenant Aïcha M.")
    assert shows(page, "Ne plus suivre") and shows(page, "1 abonné")

    response = unfollow(client, follow_site["teacher"], next_page=address)
    assert response["Location"] == address and not follows(follow_site, "linda")
    assert shows(client.get(address), "Vous ne suivez plus Aïcha M.")


def test_the_button_carries_its_csrf_token_and_a_post_without_it_is_refused(follow_site):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(follow_site["linda"])
    page = browser.get(follow_site["teacher_page"].url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    address = f"/fr/following/follow/{follow_site['teacher'].pk}/"

    assert browser.post(address).status_code == 403
    assert not Follow.objects.exists()
    assert browser.post(address, {"csrfmiddlewaretoken": token}).status_code == 302
    assert follows(follow_site, "linda") == {follow_site["teacher"].pk}


def test_a_client_follows_a_professional_from_the_english_directory(client, follow_site):
    client.force_login(follow_site["john"])
    address = follow_site["professional_en"].url
    assert address.startswith("/en/")

    response = follow(client, follow_site["grace"], language="en", next_page=address)

    assert response["Location"] == address
    assert follows(follow_site, "john") == {follow_site["grace"].pk}
    page = client.get(address)
    assert shows(page, "You now follow Grace N.") and shows(page, "Unfollow")
    assert shows(page, "1 follower")


def test_people_see_their_own_count_but_no_button(client, follow_site):
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["teacher"])
    client.force_login(follow_site["teacher"])
    page = client.get(follow_site["teacher_page"].url)
    assert shows(page, "1 abonné") and "/following/follow/" not in page.text


def test_following_twice_changes_nothing_and_says_so(client, follow_site):
    client.force_login(follow_site["linda"])
    follow(client, follow_site["teacher"])
    response = follow(client, follow_site["teacher"])

    assert response.status_code == 302
    assert Follow.objects.filter(follower=follow_site["linda"]).count() == 1
    assert shows(client.get(response["Location"]), "Vous suivez déjà Aïcha M.")


def test_a_button_never_sends_people_to_another_site(client, follow_site):
    client.force_login(follow_site["linda"])
    response = follow(client, follow_site["teacher"], next_page="https://evil.example/")
    assert response["Location"] == f"/fr/community/members/{follow_site['teacher'].pk}/"


@pytest.mark.parametrize(
    ("case", "status", "french"),
    [
        ("yourself", 400, "Vous ne pouvez pas vous suivre vous-même."),
        ("unknown", 404, "Ce compte n'existe pas ou a été fermé"),
        ("huge", 404, "Ce compte n'existe pas ou a été fermé"),
        ("closed", 404, "Ce compte n'existe pas ou a été fermé"),
        ("not_followed", 400, "Vous ne suivez pas cette personne"),
        ("get", 405, "utilisez le bouton de sa page"),
    ],
)
def test_bad_input_gets_a_clear_answer_and_changes_nothing(
    client, follow_site, case, status, french
):
    Follow.objects.create(follower=follow_site["linda"], followed=follow_site["grace"])
    client.force_login(follow_site["linda"])
    target = {"yourself": "linda", "closed": "closed", "not_followed": "teacher"}
    person_id = follow_site[target[case]].pk if case in target else 987654
    if case == "huge":
        person_id = 10**30
    if case == "not_followed":
        response = client.post(f"/fr/following/unfollow/{person_id}/")
    elif case == "get":
        response = client.get(f"/fr/following/follow/{follow_site['teacher'].pk}/")
    else:
        response = client.post(f"/fr/following/follow/{person_id}/")

    assert response.status_code == status
    assert shows(response, french)
    assert follows(follow_site, "linda") == {follow_site["grace"].pk}


def test_bad_input_is_answered_in_english_too(client, follow_site):
    client.force_login(follow_site["john"])
    response = client.post(f"/en/following/follow/{follow_site['john'].pk}/")
    assert response.status_code == 400 and shows(response, "You can't follow yourself.")
    response = client.get(f"/en/following/unfollow/{follow_site['teacher'].pk}/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert shows(response, "To follow or unfollow someone, use the button on their page.")
    assert not Follow.objects.exists()


def test_the_database_refuses_a_second_follow_and_following_oneself(follow_site):
    linda, teacher = follow_site["linda"], follow_site["teacher"]
    Follow.objects.create(follower=linda, followed=teacher)
    for follower, followed in ((linda, teacher), (linda, linda)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Follow.objects.create(follower=follower, followed=followed)


def _groups_of(site, person):
    open_group = Group.objects.create(
        name="Nattes Douala", description="…", language="fr", speciality=site["category"]
    )
    private_group = Group.objects.create(
        name="Cercle privé Bonapriso",
        description="…",
        language="fr",
        speciality=site["category"],
        is_open=False,
    )
    for group in (open_group, private_group):
        Membership.objects.create(group=group, user=person, status=Membership.Status.MEMBER)


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Groupes d'entraide"), ("en", "Study groups")]
)
def test_a_member_page_shows_her_name_open_groups_and_the_button_nothing_private(
    client, follow_site, language, heading
):
    linda = follow_site["linda"]
    _groups_of(follow_site, linda)
    client.force_login(follow_site["john"])

    page = client.get(f"/{language}/community/members/{linda.pk}/")

    assert page.status_code == 200
    assert shows(page, "Linda T.") and shows(page, heading) and shows(page, "Nattes Douala")
    assert "Cercle privé" not in page.text
    assert "Tchoua" not in page.text and linda.email not in page.text
    assert f"/{language}/following/follow/{linda.pk}/" in page.text


def test_a_member_page_links_to_the_instructor_page_in_my_language(client, follow_site):
    page = client.get(f"/en/community/members/{follow_site['teacher'].pk}/")
    assert follow_site["teacher_page_en"].url in page.text
    assert shows(page, "Instructor at the academy")
    page = client.get(f"/fr/community/members/{follow_site['grace'].pk}/")
    assert follow_site["professional"].url in page.text


def test_closed_deleted_and_unknown_accounts_have_no_page(client, follow_site):
    stranger_id = follow_site["stranger"].pk
    follow_site["stranger"].delete()
    for person_id in (follow_site["closed"].pk, stranger_id, 987654, 10**30):
        response = client.get(f"/fr/community/members/{person_id}/")
        assert response.status_code == 404
        assert "Fantôme" not in response.text and "Paul" not in response.text


def test_the_community_page_links_to_the_feed_for_signed_in_people_only(client, follow_site):
    assert 'href="/fr/following/"' not in client.get("/fr/community/").text
    client.force_login(follow_site["linda"])
    page = client.get("/fr/community/")
    assert 'href="/fr/following/"' in page.text and shows(page, "Abonnements")
