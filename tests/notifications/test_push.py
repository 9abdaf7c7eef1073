"""Web push against a local fake push service over real HTTP: subscribing from the
browser, what a push looks like on the wire, and what the service's answers do."""

import json
import stat

import pytest
from celery.exceptions import Retry
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret
from django.test import Client

from notifications import vapid
from notifications.models import OutboundMessage, PushSubscription
from notifications.services import notify
from notifications.tasks import deliver_message

from . import fake_push_service as fake
from .notifying import a_message, person

# A real browser key pair's public half and auth secret (RFC 8291's example values).
P256DH = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
AUTH = "BTBZMqHH6r4Tts7J_aSIgg"


@pytest.fixture
def awa(db):
    return person()


def browser_subscription(endpoint):
    return {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": P256DH, "auth": AUTH}}


def signed_in_browser(user):
    """A client that checks CSRF as a browser would, with its token at hand."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    secret = _get_new_csrf_string()
    browser.cookies["csrftoken"] = secret
    browser.csrf_header = _mask_cipher_secret(secret)
    return browser


def post_json(browser, url, data, **headers):
    return browser.post(
        url,
        json.dumps(data),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=getattr(browser, "csrf_header", ""),
        **headers,
    )


# --- Subscribing ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_browser_subscribes_once_and_again_without_doubling(awa):
    browser = signed_in_browser(awa)
    endpoint = "https://fcm.googleapis.com/fcm/send/dK3n:APA91b"

    first = post_json(browser, "/notifications/push/subscribe/", browser_subscription(endpoint))
    again = post_json(browser, "/notifications/push/subscribe/", browser_subscription(endpoint))

    assert (first.status_code, again.status_code) == (201, 201)
    subscription = PushSubscription.objects.get()
    assert (subscription.user, subscription.endpoint, subscription.auth) == (awa, endpoint, AUTH)


@pytest.mark.django_db
def test_subscribing_needs_the_csrf_token_and_a_login(awa):
    browser = signed_in_browser(awa)
    browser.csrf_header = "forged"
    data = browser_subscription("https://fcm.googleapis.com/fcm/send/x")

    assert post_json(browser, "/notifications/push/subscribe/", data).status_code == 403
    anonymous = post_json(Client(), "/notifications/push/subscribe/", data)
    assert anonymous.status_code == 403
    assert anonymous.json() == {"error": "Connectez-vous pour recevoir des notifications."}
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            browser_subscription("http://fcm.googleapis.com/fcm/send/x"),
            "Ce service push n'est pas accepté.",
        ),
        (
            browser_subscription("https://intranet.example.cm/admin"),
            "Ce service push n'est pas accepté.",
        ),
        (browser_subscription("http://10.0.0.5/push/x"), "Ce service push n'est pas accepté."),
        (browser_subscription(""), "L'abonnement push n'a pas d'adresse valide."),
        (
            {
                "endpoint": "https://fcm.googleapis.com/x",
                "keys": {"p256dh": "<script>", "auth": AUTH},
            },
            "Les clés de l'abonnement push manquent ou ne sont pas valides.",
        ),
        ({"endpoint": "https://fcm.googleapis.com/x"}, "Les clés de l'abonnement push manquent"),
        (["not", "an", "object"], "Ce n'est pas un abonnement push."),
    ],
)
def test_a_bad_subscription_gets_a_clear_error_and_nothing_is_stored(awa, data, error):
    response = post_json(signed_in_browser(awa), "/notifications/push/subscribe/", data)

    assert response.status_code == 400
    assert error in response.json()["error"]
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_refused(awa):
    browser = signed_in_browser(awa)
    response = browser.post(
        "/notifications/push/subscribe/",
        "{not json",
        content_type="application/json",
        HTTP_X_CSRFTOKEN=browser.csrf_header,
    )
    assert response.status_code == 400
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_unsubscribing_removes_only_ones_own_browser(awa):
    bea = person("bea@example.cm")
    PushSubscription.objects.create(
        user=bea, endpoint="https://fcm.googleapis.com/b", p256dh=P256DH, auth=AUTH
    )
    PushSubscription.objects.create(
        user=awa, endpoint="https://fcm.googleapis.com/a", p256dh=P256DH, auth=AUTH
    )
    browser = signed_in_browser(awa)

    post_json(
        browser, "/notifications/push/unsubscribe/", {"endpoint": "https://fcm.googleapis.com/b"}
    )
    post_json(
        browser, "/notifications/push/unsubscribe/", {"endpoint": "https://fcm.googleapis.com/a"}
    )

    assert list(PushSubscription.objects.values_list("user__email", flat=True)) == [
        "bea@example.cm"
    ]


# --- Sending ----------------------------------------------------------------------------


def subscribed(user, push_service, name="awa-phone"):
    return PushSubscription.objects.create(
        user=user, endpoint=push_service.endpoint(name), p256dh=P256DH, auth=AUTH
    )


@pytest.mark.django_db
def test_a_push_is_encrypted_vapid_signed_and_kept_a_day(
    awa, push_service, settings, django_capture_on_commit_callbacks
):
    subscription = subscribed(awa, push_service)

    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "payment_received", message=a_message())

    assert len(push_service.accepted) == 1
    name, headers, body = push_service.accepted[0]
    assert name == "awa-phone"
    assert headers["TTL"] == str(settings.WEB_PUSH_TTL_SECONDS)
    assert headers["Content-Encoding"] == "aes128gcm"
    assert headers["Authorization"].startswith("vapid t=")
    assert f"k={vapid.public_key()}" in headers["Authorization"]
    claims = fake.vapid_claims(headers)
    assert claims["aud"] == push_service.url
    assert claims["sub"] == "mailto:no-reply@beautyskills.academy"
    assert b"Paiement" not in body  # the service sees only ciphertext
    message = OutboundMessage.objects.get(channel="push")
    assert message.status == OutboundMessage.Status.SENT
    assert json.loads(message.body_text) == {
        "title": "Paiement reçu",
        "body": "Nous avons reçu votre paiement de 5 000 FCFA.",
        "url": "/fr/account/orders/",
        "tag": "payment_received",
        "lang": "fr",
    }
    subscription.refresh_from_db()
    assert subscription.last_success is not None


@pytest.mark.django_db
def test_every_browser_of_the_person_gets_the_push(
    awa, push_service, django_capture_on_commit_callbacks
):
    subscribed(awa, push_service, "phone")
    subscribed(awa, push_service, "laptop")
    subscribed(person("bea@example.cm"), push_service, "someone-else")

    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "certificate_ready", message=a_message(sms=""))

    assert sorted(name for name, _headers, _body in push_service.accepted) == ["laptop", "phone"]


@pytest.mark.django_db
@pytest.mark.parametrize("answer", [fake.GONE, fake.NOT_FOUND])
def test_a_subscription_the_service_no_longer_knows_is_deleted(awa, push_service, answer):
    subscription = subscribed(awa, push_service)
    push_service.fault(answer, "/push/awa-phone")
    notify(awa, "certificate_ready", message=a_message(sms=""))  # delivery not run yet
    message = OutboundMessage.objects.get(channel="push")

    assert deliver_message.apply(args=[message.pk]).get() == "failed"

    assert not PushSubscription.objects.filter(pk=subscription.pk).exists()
    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.FAILED
    assert answer in message.last_error
    assert push_service.requests_to("POST", "/push/awa-phone")


@pytest.mark.django_db
def test_a_failing_push_service_is_tried_again_and_the_subscription_kept(awa, push_service):
    subscription = subscribed(awa, push_service)
    push_service.fault(fake.SERVER_ERROR, "/push/")
    notify(awa, "certificate_ready", message=a_message(sms=""))
    message = OutboundMessage.objects.get(channel="push")

    with pytest.raises(Retry):
        deliver_message.apply(args=[message.pk], throw=True)

    message.refresh_from_db()
    assert message.status == OutboundMessage.Status.QUEUED
    assert "500" in message.last_error
    assert PushSubscription.objects.filter(pk=subscription.pk).exists()

    push_service.clear_faults()
    assert deliver_message.apply(args=[message.pk]).get() == "sent"
    assert len(push_service.accepted) == 1


@pytest.mark.django_db
def test_a_push_switched_off_is_not_sent(awa, push_service, django_capture_on_commit_callbacks):
    from notifications.preferences import save_choices

    subscribed(awa, push_service)
    save_choices(user=awa, enabled={("certificate_ready", "site"), ("certificate_ready", "email")})

    with django_capture_on_commit_callbacks(execute=True):
        notify(awa, "certificate_ready", message=a_message(sms=""))

    assert push_service.requests == []


# --- Keys and the service worker ------------------------------------------------------


def test_the_development_key_is_made_once_privately_and_kept(tmp_path, settings):
    settings.VAPID_DEV_KEY_FILE = tmp_path / "vapid" / "private_key.pem"
    assert not settings.VAPID_DEV_KEY_FILE.exists()

    first = vapid.public_key()
    vapid._load.cache_clear()
    second = vapid.public_key()

    assert first == second and len(first) == 87  # 65 bytes, base64url
    assert oct(stat.S_IMODE(settings.VAPID_DEV_KEY_FILE.stat().st_mode)) == "0o600"


def test_a_configured_key_wins_over_the_file(settings, tmp_path):
    from py_vapid import Vapid

    key = Vapid()
    key.generate_keys()
    settings.VAPID_PRIVATE_KEY = key.private_pem().decode()
    settings.VAPID_DEV_KEY_FILE = tmp_path / "unused.pem"

    assert vapid.private_key().public_key.public_numbers() == key.public_key.public_numbers()
    assert not settings.VAPID_DEV_KEY_FILE.exists()


def test_production_without_a_key_offers_no_push(settings):
    settings.VAPID_PRIVATE_KEY = ""
    settings.VAPID_DEV_KEY_FILE = ""
    assert not vapid.configured()


@pytest.mark.django_db
def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "public, no-cache"
    assert b'addEventListener("push"' in response.content
    assert b'addEventListener("notificationclick"' in response.content


@pytest.mark.django_db
def test_signed_in_pages_carry_the_push_key_but_never_ask_on_arrival(client, awa):
    client.force_login(awa)
    page = client.get("/fr/account/").content.decode()

    assert f'data-push-key="{vapid.public_key()}"' in page
    assert "js/push.js" in page
