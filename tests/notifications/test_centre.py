"""The in-site centre from the outside: the bell, the list, marking read, the count
endpoint for polling, and nobody else's notifications."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.realtime import user_group
from notifications.models import Notification
from notifications.services import notify

from .notifying import a_message, person

PUBLIC_PAGE = "/fr/accounts/login/"
ACCOUNT_PAGE = "/fr/account/"


def told(user, count, **fields):
    for number in range(count):
        Notification.objects.create(
            user=user,
            kind="payment_received",
            title=fields.get("title", f"Paiement {number}"),
            body="5 000 FCFA",
            url=fields.get("url", "/fr/account/orders/"),
        )


@pytest.fixture
def awa(db):
    return person()


@pytest.fixture
def awa_client(client, awa):
    client.force_login(awa)
    return client


@pytest.mark.django_db
def test_anonymous_visitors_get_no_bell_and_no_query_for_it(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PUBLIC_PAGE)

    assert response.status_code == 200
    assert b"data-bell" not in response.content
    assert not [query for query in queries if "notifications_" in query["sql"]]


@pytest.mark.django_db
def test_the_bell_shows_the_unread_count(awa_client, awa):
    told(awa, 3)
    Notification.objects.filter(title="Paiement 0").update(read_at=timezone.now())

    page = awa_client.get(ACCOUNT_PAGE).content.decode()

    assert "data-bell-count>2</span>" in page
    assert 'href="/fr/notifications/"' in page


def bell_queries(captured):
    return [query for query in captured if "notifications_notification" in query["sql"]]


@pytest.mark.django_db
def test_the_bell_counts_with_one_query_however_many_notifications(awa_client, awa):
    told(awa, 2)
    awa_client.get(ACCOUNT_PAGE)  # first-request caches (site settings) out of the way
    told(awa, 1)
    with CaptureQueriesContext(connection) as few:
        awa_client.get(ACCOUNT_PAGE)
    told(awa, 150)
    with CaptureQueriesContext(connection) as many:
        page = awa_client.get(ACCOUNT_PAGE).content.decode()

    assert len(many) == len(few)
    assert len(bell_queries(many)) == 1
    assert "data-bell-count>99+</span>" in page


@pytest.mark.django_db
def test_the_bell_count_is_kept_between_pages_until_it_changes(awa_client, awa):
    told(awa, 2)
    awa_client.get(ACCOUNT_PAGE)
    with CaptureQueriesContext(connection) as again:
        page = awa_client.get(ACCOUNT_PAGE).content.decode()
    assert bell_queries(again) == []
    assert "data-bell-count>2</span>" in page

    notify(awa, "payment_received", message=a_message())
    assert "data-bell-count>3</span>" in awa_client.get(ACCOUNT_PAGE).content.decode()
    awa_client.post("/fr/notifications/read-all/")
    assert "data-bell-count hidden>0</span>" in awa_client.get(ACCOUNT_PAGE).content.decode()

    # Each person's own count: another person's is not hers.
    binta = person("binta@example.cm")
    told(binta, 5)
    binta_client = Client()
    binta_client.force_login(binta)
    assert "data-bell-count>5</span>" in binta_client.get(ACCOUNT_PAGE).content.decode()
    assert "data-bell-count hidden>0</span>" in awa_client.get(ACCOUNT_PAGE).content.decode()


@pytest.mark.django_db
def test_the_list_is_paginated_newest_first_and_links_through_the_centre(awa_client, awa):
    told(awa, 25)

    first = awa_client.get("/fr/notifications/")
    second = awa_client.get("/fr/notifications/?page=2")

    assert first.status_code == 200
    assert first.content.decode().count('class="notice notice-unread"') == 20
    assert "Paiement 24" in first.content.decode()
    assert second.content.decode().count('class="notice notice-unread"') == 5
    newest = Notification.objects.first()
    assert f'href="/fr/notifications/{newest.pk}/open/"' in first.content.decode()


@pytest.mark.django_db
def test_the_list_query_count_does_not_grow_with_notifications(awa_client, awa):
    told(awa, 3)
    awa_client.get("/fr/notifications/")
    told(awa, 1)  # the bell's kept count is counted again, as it is below
    with CaptureQueriesContext(connection) as few:
        awa_client.get("/fr/notifications/")
    told(awa, 40)
    with CaptureQueriesContext(connection) as many:
        awa_client.get("/fr/notifications/")
    assert len(many) == len(few)


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_follows_its_link(awa_client, awa):
    told(awa, 1, url="/fr/bookings/")
    notification = Notification.objects.get()

    response = awa_client.get(f"/fr/notifications/{notification.pk}/open/")

    assert response.status_code == 302 and response["Location"] == "/fr/bookings/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_a_link_to_another_site_is_not_followed(awa_client, awa):
    told(awa, 1, url="https://evil.example/")
    notification = Notification.objects.get()

    response = awa_client.get(f"/fr/notifications/{notification.pk}/open/")

    assert response["Location"] == "/fr/notifications/"


@pytest.mark.django_db
def test_mark_one_and_mark_all_read(awa_client, awa):
    told(awa, 3)
    first = Notification.objects.last()

    response = awa_client.post(f"/fr/notifications/{first.pk}/read/", {"page": "1"})
    assert response.status_code == 302 and response["Location"] == "/fr/notifications/?page=1"
    assert Notification.objects.filter(read_at__isnull=True).count() == 2

    awa_client.post("/fr/notifications/read-all/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


@pytest.mark.django_db
def test_other_peoples_notifications_cannot_be_opened_or_marked(awa_client):
    bea = person("bea@example.cm")
    told(bea, 2)
    theirs = Notification.objects.first()

    assert awa_client.get(f"/fr/notifications/{theirs.pk}/open/").status_code == 404
    assert awa_client.post(f"/fr/notifications/{theirs.pk}/read/").status_code == 404
    awa_client.post("/fr/notifications/read-all/")

    assert Notification.objects.filter(user=bea, read_at__isnull=True).count() == 2
    assert "Paiement 0" not in awa_client.get("/fr/notifications/").content.decode()


@pytest.mark.django_db
def test_marking_read_needs_a_post(awa_client, awa):
    told(awa, 1)
    notification = Notification.objects.get()

    assert awa_client.get(f"/fr/notifications/{notification.pk}/read/").status_code == 405
    assert awa_client.get("/fr/notifications/read-all/").status_code == 405
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_the_centre_needs_a_login(client):
    response = client.get("/fr/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_the_count_endpoint_answers_304_while_nothing_changes(awa_client, awa):
    told(awa, 2)

    first = awa_client.get("/fr/notifications/count/")
    assert first.status_code == 200
    assert first.json() == {"unread": 2, "label": "2"}
    etag = first["ETag"]

    unchanged = awa_client.get("/fr/notifications/count/", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    told(awa, 1)
    changed = awa_client.get("/fr/notifications/count/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["unread"] == 3

    awa_client.post("/fr/notifications/read-all/")
    after_reading = awa_client.get("/fr/notifications/count/", HTTP_IF_NONE_MATCH=changed["ETag"])
    assert after_reading.json()["unread"] == 0


@pytest.mark.django_db
def test_the_count_endpoint_is_private_and_refuses_anonymous_visitors(client, awa):
    assert client.get("/fr/notifications/count/").status_code == 403

    client.force_login(awa)
    response = client.get("/fr/notifications/count/")
    assert "private" in response["Cache-Control"]


@pytest.fixture
def live_layer(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    layer = get_channel_layer()
    yield layer
    async_to_sync(layer.flush)()


def next_event(layer, channel):
    return async_to_sync(layer.receive)(channel)["event"]


@pytest.mark.django_db(transaction=True)
def test_open_pages_hear_the_new_count_after_the_commit(live_layer):
    awa = person()
    channel = async_to_sync(live_layer.new_channel)()
    async_to_sync(live_layer.group_add)(user_group(awa.pk), channel)

    notify(awa, "payment_received", message=a_message())
    assert next_event(live_layer, channel) == {"type": "notifications", "unread": 1}

    notify(awa, "certificate_ready", message=a_message(sms=""))
    assert next_event(live_layer, channel) == {"type": "notifications", "unread": 2}


@pytest.mark.django_db(transaction=True)
def test_marking_read_tells_open_pages_too(live_layer, client):
    awa = person()
    told(awa, 2)
    channel = async_to_sync(live_layer.new_channel)()
    async_to_sync(live_layer.group_add)(user_group(awa.pk), channel)
    client.force_login(awa)

    client.post("/fr/notifications/read-all/")

    assert next_event(live_layer, channel) == {"type": "notifications", "unread": 0}
