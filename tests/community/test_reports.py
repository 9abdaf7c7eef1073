"""Reports on wall resources and groups: once per person, hidden at the threshold until
a moderator decides in the one queue of the Wagtail admin (the "Moderation" group,
next to reported messages), where she hides for good or restores."""

import pytest
from django.test import override_settings

from community import wall
from community.models import Contribution, ModerationCase, Report, Resource

from .conftest import add_member, address, make_group, shows


@pytest.fixture
def posted(people):
    group = make_group(people)
    for who in ("classmate", "stranger", "graduate"):
        add_member(group, people[who])
    resource = wall.post_resource(
        user=people["founder"], group=group, kind="tip", text="Achetez mes mèches sur WhatsApp"
    )
    return group, resource


def report(client, person, resource, reason="spam", language="fr"):
    client.force_login(person)
    return client.post(
        f"/{language}/groups/report/resource/{resource.pk}/", {"reason": reason, "note": "Pub"}
    )


def test_a_member_reports_once(client, people, posted):
    group, resource = posted
    assert report(client, people["classmate"], resource).status_code == 302
    again = report(client, people["classmate"], resource, language="en")
    assert again.status_code == 400 and shows(again, "You have already reported this.")
    assert Report.objects.count() == 1
    assert ModerationCase.objects.get().pending_reports == 1


def test_nobody_reports_their_own_post_or_without_a_reason(client, people, posted):
    group, resource = posted
    own = report(client, people["founder"], resource)
    assert own.status_code == 400
    assert shows(own, "Vous ne pouvez pas signaler ce que vous avez publié vous-même.")
    no_reason = report(client, people["classmate"], resource, reason="")
    assert no_reason.status_code == 400
    assert not Report.objects.exists()


@override_settings(COMMUNITY_REPORTS_TO_HIDE=3)
def test_three_reports_hide_it_until_a_moderator_decides(client, people, posted):
    group, resource = posted
    for who in ("classmate", "stranger"):
        report(client, people[who], resource)
    client.force_login(people["classmate"])
    assert shows(client.get(address(group)), "Achetez mes mèches")
    report(client, people["graduate"], resource)
    resource.refresh_from_db()
    assert resource.visibility == Resource.Visibility.WAITING
    client.force_login(people["classmate"])
    assert not shows(client.get(address(group)), "Achetez mes mèches")
    # Its author still sees it, marked.
    client.force_login(people["founder"])
    page = client.get(address(group))
    assert shows(page, "Achetez mes mèches") and shows(page, "Masqué le temps que la modération")

    # The moderator finds it first in the queue and restores it.
    client.force_login(people["moderator"])
    case = ModerationCase.objects.get()
    queue = client.get("/admin/community-reports/")
    assert queue.status_code == 200 and "Achetez mes mèches" in queue.text
    detail = client.get(f"/admin/community-reports/{case.pk}/")
    assert detail.status_code == 200 and "Spam" in detail.text
    client.post(f"/admin/community-reports/{case.pk}/", {"decision": "restore"})
    resource.refresh_from_db()
    case.refresh_from_db()
    assert resource.is_visible and case.state == ModerationCase.State.RESTORED
    assert case.pending_reports == 0 and case.decided_by == people["moderator"]


def test_a_moderator_hides_for_good_and_the_post_stops_counting(client, people, posted):
    group, resource = posted
    report(client, people["classmate"], resource)
    client.force_login(people["moderator"])
    case = ModerationCase.objects.get()
    client.post(f"/admin/community-reports/{case.pk}/", {"decision": "remove"})
    resource.refresh_from_db()
    assert resource.visibility == Resource.Visibility.REMOVED
    assert Contribution.objects.get(kind="resource").removed
    client.force_login(people["founder"])
    assert not shows(client.get(address(group)), "Achetez mes mèches")


def test_people_other_than_moderators_cannot_use_the_queue(client, people, posted):
    group, resource = posted
    report(client, people["classmate"], resource)
    case = ModerationCase.objects.get()
    client.force_login(people["founder"])
    assert client.get("/admin/community-reports/").status_code in (302, 403)
    client.post(f"/admin/community-reports/{case.pk}/", {"decision": "remove"})
    resource.refresh_from_db()
    assert resource.is_visible


@override_settings(COMMUNITY_REPORTS_TO_HIDE=2)
def test_a_reported_group_leaves_the_list(client, people):
    group = make_group(people)
    for who in ("classmate", "stranger"):
        client.force_login(people[who])
        response = client.post(f"/fr/groups/report/group/{group.pk}/", {"reason": "abuse"})
        assert response.status_code == 302
    assert not client.get("/fr/groups/").context["cards"]
    client.logout()
    assert client.get(address(group)).status_code == 404
    client.force_login(people["founder"])
    assert shows(client.get(address(group)), "Ce groupe n'apparaît plus dans la liste")


def test_both_queues_sit_in_one_moderation_menu(client, people):
    from wagtail.admin.menu import admin_menu

    client.force_login(people["moderator"])
    request = client.get("/admin/").wsgi_request
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    assert "message_reports" not in items and "community_reports" not in items
    submenu = {item.name for item in items["moderation"].menu.menu_items_for_request(request)}
    assert {"message_reports", "community_reports"} <= submenu
