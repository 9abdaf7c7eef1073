"""The read replica (DATABASE_REPLICA_URL), from the outside: which requests read it.

With the variable set (.ci/run: "read replica router on PostgreSQL"), the test settings
add a second connection to the test database under the alias "replica", and the
queries each request makes show on one connection or the other. Without it, there is
no second alias and nothing changes."""

import re
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from checkout.models import Payment
from checkout.tasks import poll_pending_payments
from cms.settings.builders import replica_databases
from core.read_replica import PIN_COOKIE, check_page_types

from ..conftest import PASSWORD, make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson

REPLICA_SET = "replica" in settings.DATABASES
with_replica = pytest.mark.skipif(not REPLICA_SET, reason="DATABASE_REPLICA_URL is not set")
# Committed data, so that the second connection sees what the test made.
both_databases = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture(autouse=True)
def renders_every_time(settings):
    """These tests follow where a render reads; a page-cache hit reads nowhere."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def course():
    site = build_site()
    _, instructor = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    course = make_course(site["catalogue"], instructor)
    make_lesson(course)
    return course


def queries_on_each_alias(call, *args, **kwargs):
    """(response, queries on the primary, queries on the replica) of call(*args)."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = call(*args, **kwargs)
    return response, len(primary), len(replica)


@pytest.mark.skipif(REPLICA_SET, reason="DATABASE_REPLICA_URL is set")
@pytest.mark.django_db
def test_without_a_replica_there_is_one_database_and_no_pin_cookie(client, course):
    assert list(connections) == ["default"]
    assert settings.DATABASE_ROUTERS == []
    assert client.get(course.url).status_code == 200
    response = client.post("/fr/data-saver/", {"data_saver": "on"})
    assert response.status_code == 302
    assert PIN_COOKIE not in response.cookies


@pytest.mark.parametrize("method", ["get", "head"])
@with_replica
@both_databases
def test_anonymous_public_pages_read_the_replica(client, course, method):
    for path in (course.get_parent().url, course.url, "/sitemap.xml"):
        response, _, on_replica = queries_on_each_alias(getattr(client, method), path)
        assert response.status_code == 200, path
        assert on_replica > 0, path


@with_replica
@both_databases
def test_a_browser_that_wrote_reads_the_primary_until_the_pin_expires(client, course):
    response, _, on_replica = queries_on_each_alias(
        client.post, "/fr/data-saver/", {"data_saver": "on"}
    )
    assert response.status_code == 302
    pin = response.cookies[PIN_COOKIE]
    assert pin["max-age"] == settings.READ_REPLICA_PIN_SECONDS
    assert pin["httponly"]
    assert on_replica == 0

    response, on_primary, on_replica = queries_on_each_alias(client.get, course.url)
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0

    # The browser drops the cookie when it expires. The page's pieces were kept by the
    # view above (read on the primary): without them, its reads go to the replica again.
    del client.cookies[PIN_COOKIE]
    cache.clear()
    _, _, on_replica = queries_on_each_alias(client.get, course.url)
    assert on_replica > 0


@with_replica
@both_databases
def test_logged_in_visitors_read_the_primary_even_on_public_pages(client, course):
    make_person("student@example.cm", is_student=True)
    client.post("/fr/accounts/login/", {"login": "student@example.cm", "password": PASSWORD})
    del client.cookies[PIN_COOKIE]
    for path in (course.get_parent().url, course.url, "/fr/account/"):
        response, on_primary, on_replica = queries_on_each_alias(client.get, path)
        assert response.status_code == 200, path
        assert on_primary > 0 and on_replica == 0, path


@with_replica
@both_databases
def test_a_buyer_watching_a_payment_reads_the_primary(client, course):
    paid = make_course(
        course.get_parent().specific, course.instructor, title="Mariée pro", price_xaf=5000
    )
    make_person("buyer@example.cm", is_student=True, phone="+237677123456")
    client.post("/fr/accounts/login/", {"login": "buyer@example.cm", "password": PASSWORD})
    buy = f"/fr/checkout/buy/course/{paid.pk}/"
    token = re.search(r'name="token" value="([0-9a-f-]+)"', client.get(buy).content.decode())
    data = {"token": token.group(1), "method": "sandbox", "phone": "6 70 00 00 01", "coupon": ""}
    started = client.post(buy, data)
    assert started.status_code == 302
    del client.cookies[PIN_COOKIE]
    payment = Payment.objects.get()
    for path in (started.url, f"/fr/checkout/payment/{payment.reference}/status/"):
        response, on_primary, on_replica = queries_on_each_alias(client.get, path)
        assert response.status_code == 200, path
        assert on_primary > 0 and on_replica == 0, path


@with_replica
@both_databases
def test_lessons_and_payment_status_read_the_primary(client, course):
    lesson = course.get_children().first()
    response, _, on_replica = queries_on_each_alias(client.get, lesson.url)
    assert response.status_code in (200, 302)
    assert on_replica == 0
    status = f"/fr/checkout/payment/{uuid.uuid4()}/status/"
    response, _, on_replica = queries_on_each_alias(client.get, status)
    assert response.status_code in (302, 404)
    assert on_replica == 0


@with_replica
@both_databases
def test_tasks_and_code_outside_a_request_read_the_primary(course):
    _, on_primary, on_replica = queries_on_each_alias(poll_pending_payments.delay)
    assert on_primary > 0
    assert on_replica == 0


def test_several_replica_addresses_make_one_alias_each():
    databases = replica_databases(
        "postgres://u@replica-1:5432/bsa, postgres://u@replica-2:5432/bsa,", conn_max_age=60
    )
    assert list(databases) == ["replica", "replica_2"]
    assert databases["replica_2"]["HOST"] == "replica-2"
    assert databases["replica_2"]["CONN_MAX_AGE"] == 60
    assert replica_databases(" ") == {}


def test_the_listed_page_types_exist_and_a_misspelt_one_stops_the_start():
    assert check_page_types(None) == []
    with override_settings(READ_REPLICA_PAGE_TYPES=["course_pages.CoursPage", "auth.User"]):
        errors = check_page_types(None)
        with pytest.raises(SystemCheckError, match="course_pages.CoursPage"):
            call_command("check")
    assert [error.id for error in errors] == ["core.E001", "core.E001"]
