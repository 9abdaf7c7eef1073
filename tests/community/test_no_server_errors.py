"""No group page answers 5xx, whatever a member types or forges into its forms (the
same hostile values as tests/home/test_no_server_errors.py)."""

import pytest
from django.test import Client

from community import calendar, wall

from ..home.test_no_server_errors import attacks, broken
from .conftest import add_member, make_group


@pytest.mark.timeout(600)
def test_no_group_page_answers_5xx_to_hostile_values(people, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.RATELIMIT_ENABLE = False
    settings.COMMUNITY_POSTS_PER_HOUR = 10_000
    group = make_group(people)
    add_member(group, people["classmate"])
    resource = wall.post_resource(user=people["founder"], group=group, kind="tip", text="Astuce")
    calendar.plan_session(
        user=people["founder"],
        group=group,
        title="Séance",
        starts_at=timezone.now() + timedelta(days=2),
        place="Akwa",
    )
    base = f"/fr/groups/{group.pk}-{group.slug}/"
    urls = [
        ("/fr/groups/", ["page"]),
        "/fr/groups/new/",
        base,
        (f"{base}wall/", ["page"]),
        f"{base}calendar/",
        f"/fr/groups/{group.pk}/share/",
        f"/fr/groups/{group.pk}/sessions/new/",
        f"/fr/groups/resources/{resource.pk}/edit/",
        f"/fr/groups/{group.pk}/hand-over/",
        f"/fr/groups/report/group/{group.pk}/",
    ]
    client = Client(raise_request_exception=False)
    client.force_login(people["founder"])
    failures, tried = [], 0
    for url in urls:
        for method, action, data, field, value in attacks(client, url):
            tried += 1
            response = getattr(client, method)(action, data)
            if broken(response):
                failures.append(
                    f"{method.upper()} {action} {field}={str(value)[:40]!r} → {response.status_code}"
                )
    print(f"{tried} hostile requests")
    assert tried > 100
    assert not failures, "\n".join(failures)
