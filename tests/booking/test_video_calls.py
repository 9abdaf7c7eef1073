"""One-to-one video for online bookings. Our join view lets in only the booking's client
and its professional (as moderator), once the deposit is paid, from 10 minutes before
the start to the end, and sends each to Jitsi with a token made for them, which a local
fake Jitsi checks the way prosody does (HS256 self-hosted, RS256 on JaaS). Without
configuration the sandbox room page stands in. Anyone else gets a clear answer and no
way in."""

import datetime
import html
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core import mail
from django.test import Client
from django.utils import timezone

from booking import calls, changes, selectors, services
from booking.models import Booking, CallStay
from booking.video_rooms import CallPass, video_rooms

from .conftest import add_service, login, pay_deposit
from .fake_jitsi import APP_ID, DOMAIN, SECRET, FakeJitsi

TENANT = "vpaas-magic-cookie-0123456789abcdef0123456789abcdef"
MINUTE = datetime.timedelta(minutes=1)
REFUSED_STRANGER = "Seules les deux personnes de ce rendez-vous peuvent rejoindre son appel vidéo."


@pytest.fixture
def online(booking_site):
    return add_service(booking_site["professional"], name="Diagnostic", is_online=True)


def book(site, service, *, paid=True):
    slot = selectors.free_slots_for(service=service)[0]
    booking = services.hold_slot(client=site["client"], service_id=service.pk, starts_at=slot.start)
    if paid:
        pay_deposit(booking)
        booking.refresh_from_db()
    return booking


def starting_in(booking, *, minutes):
    """Move the appointment so it starts `minutes` from now (negative: already begun)."""
    start = timezone.now() + minutes * MINUTE
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=start, ends_at=start + (booking.ends_at - booking.starts_at)
    )
    booking.refresh_from_db()
    return booking


@pytest.fixture
def call(booking_site, online):
    """A paid online consultation that starts in 5 minutes."""
    return starting_in(book(booking_site, online), minutes=5)


@pytest.fixture
def jitsi(settings):
    with FakeJitsi() as fake:
        settings.JITSI_DOMAIN = DOMAIN
        settings.JITSI_APP_ID = APP_ID
        settings.JITSI_APP_SECRET = SECRET
        settings.JITSI_URL = fake.url
        yield fake


def join(client, booking):
    return client.get(f"/fr/bookings/{booking.reference}/call/")


def enter(client, booking):
    """Join, then follow the redirect to the video service with real HTTP."""
    response = join(client, booking)
    assert response.status_code == 302, response.content
    return requests.get(response["Location"], timeout=5)


def token_of(address):
    return parse_qs(urlsplit(address).query)["jwt"][0]


def text(response):
    return html.unescape(response.content.decode())


def test_client_and_professional_enter_the_room_the_professional_as_moderator(
    client, booking_site, call, jitsi
):
    login(client, "cliente@example.cm")
    as_client = enter(client, call)
    login(client, "awa.tresses@example.cm")
    as_professional = enter(client, call)
    assert as_client.status_code == as_professional.status_code == 200
    assert as_client.json() == {
        "room": call.video_room,
        "id": str(booking_site["client"].pk),
        "name": "Nadia Mbarga",
        "moderator": False,
    }
    assert as_professional.json()["name"] == "Awa Tresses"
    assert as_professional.json()["moderator"] is True
    assert jitsi.refused == []


def test_the_token_says_what_prosody_checks_and_lasts_until_the_end_plus_a_margin(
    client, call, jitsi
):
    login(client, "cliente@example.cm")
    response = join(client, call)
    address = response["Location"]
    assert address.startswith(f"{jitsi.url}/{call.video_room}?jwt=")
    # A way in made for one person: no cache may keep it.
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    claims = jwt.decode(token_of(address), SECRET, algorithms=["HS256"], audience="jitsi")
    assert (claims["iss"], claims["sub"], claims["room"]) == (APP_ID, DOMAIN, call.video_room)
    assert claims["exp"] == int((call.ends_at + 15 * MINUTE).timestamp())
    assert claims["nbf"] == int((call.starts_at - 11 * MINUTE).timestamp())
    assert claims["context"]["user"]["moderator"] == "false"


def test_a_third_person_is_refused_and_gets_no_way_in(client, call, jitsi):
    login(client, "autre.cliente@example.cm")
    response = join(client, call)
    assert response.status_code == 403
    assert REFUSED_STRANGER in text(response)
    assert call.video_room not in response.content.decode()
    assert jitsi.entered == []


def test_an_anonymous_visitor_is_asked_to_log_in_and_gets_no_way_in(client, call, jitsi):
    response = join(client, call)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "jwt" not in response["Location"] and call.video_room not in response["Location"]


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (11, "L'appel vidéo s'ouvre 10 minutes avant le rendez-vous. Revenez à ce moment-là."),
        (-60, "Ce rendez-vous est terminé."),
        (-61, "Ce rendez-vous est terminé."),
    ],
)
def test_the_call_is_closed_before_its_window_and_after_the_end(
    client, call, jitsi, minutes, message
):
    starting_in(call, minutes=minutes)
    login(client, "awa.tresses@example.cm")
    response = join(client, call)
    assert response.status_code == 403
    assert message in text(response)
    assert jitsi.entered == []


def test_the_call_opens_ten_minutes_before_the_start(client, call, jitsi):
    starting_in(call, minutes=9)
    login(client, "cliente@example.cm")
    assert enter(client, call).status_code == 200


def test_a_cancelled_appointment_cannot_be_joined(client, booking_site, call, jitsi):
    changes.cancel_by_client(booking=call, user=booking_site["client"])
    login(client, "awa.tresses@example.cm")
    response = join(client, call)
    assert response.status_code == 403
    assert "Ce rendez-vous est annulé." in text(response)
    assert jitsi.entered == []


def test_an_unpaid_hold_cannot_be_joined(client, booking_site, online, jitsi):
    held = starting_in(book(booking_site, online, paid=False), minutes=5)
    login(client, "cliente@example.cm")
    response = join(client, held)
    assert response.status_code == 403
    assert "L'appel vidéo s'ouvre une fois l'acompte payé." in text(response)
    assert held.status == Booking.Status.HELD


def test_an_appointment_in_person_has_no_video_call(client, booking_site, jitsi):
    in_person = starting_in(book(booking_site, booking_site["service"]), minutes=5)
    assert in_person.video_room == ""
    login(client, "cliente@example.cm")
    response = join(client, in_person)
    assert response.status_code == 403
    assert "Ce rendez-vous n'est pas un appel vidéo." in text(response)


def _resigned(token, key=SECRET, **changed):
    claims = jwt.decode(token, options={"verify_signature": False})
    claims.update(changed)
    return jwt.encode(claims, key, algorithm="HS256")


def test_jitsi_refuses_a_changed_wrong_or_expired_token(client, booking_site, online, call, jitsi):
    other = book(booking_site, online)
    login(client, "cliente@example.cm")
    token = token_of(join(client, call)["Location"])
    head, payload, signature = token.split(".")
    assert b'"moderator":"false"' in jwt.utils.base64url_decode(payload)
    made_moderator = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(payload).replace(b'"moderator":"false"', b'"moderator":"true"')
    ).decode()
    now = int(timezone.now().timestamp())
    tries = {
        "no token": (call.video_room, ""),
        "moderator by hand": (call.video_room, f"{head}.{made_moderator}.{signature}"),
        "wrong secret": (call.video_room, _resigned(token, key="guessed-secret-guessed-secret!!")),
        "another room": (other.video_room, token),
        "expired": (call.video_room, _resigned(token, exp=now - 5)),
        "not yet": (call.video_room, _resigned(token, nbf=now + 600)),
        "wrong issuer": (call.video_room, _resigned(token, iss="someone-else")),
        "wrong domain": (call.video_room, _resigned(token, sub="meet.jit.si")),
    }
    for name, (room, forged) in tries.items():
        answer = requests.get(f"{jitsi.url}/{room}?jwt={forged}", timeout=5)
        assert answer.status_code == 403, name
    assert len(jitsi.refused) == len(tries)
    assert jitsi.entered == []


def _rsa_pem():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


@pytest.fixture(scope="module")
def rsa_keys():
    return _rsa_pem(), _rsa_pem()


def test_jaas_signs_with_our_private_key_and_its_key_id(client, call, settings, tmp_path, rsa_keys):
    (private, public), (stranger_private, _stranger_public) = rsa_keys
    key_file = tmp_path / "jaas.pem"
    key_file.write_text(private)
    with FakeJitsi(jaas_tenant=TENANT, jaas_keys={f"{TENANT}/k1": public}) as jaas:
        settings.JITSI_JAAS_TENANT = TENANT
        settings.JITSI_JAAS_KEY_ID = "k1"
        settings.JITSI_JAAS_PRIVATE_KEY = str(key_file)
        settings.JITSI_JAAS_URL = jaas.url
        login(client, "awa.tresses@example.cm")
        address = join(client, call)["Location"]
        assert address.startswith(f"{jaas.url}/{TENANT}/{call.video_room}?jwt=")
        token = token_of(address)
        assert jwt.get_unverified_header(token)["kid"] == f"{TENANT}/k1"
        answer = requests.get(address, timeout=5)
        assert answer.status_code == 200
        assert answer.json()["moderator"] is True
        claims = jwt.decode(token, options={"verify_signature": False})
        assert (claims["iss"], claims["sub"]) == ("chat", TENANT)
        assert claims["context"]["features"]["recording"] == "false"
        forged = jwt.encode(
            claims, stranger_private, algorithm="RS256", headers={"kid": f"{TENANT}/k1"}
        )
        refused = requests.get(f"{jaas.url}/{TENANT}/{call.video_room}?jwt={forged}", timeout=5)
        assert refused.status_code == 403
        settings.JITSI_JAAS_PRIVATE_KEY = private  # the PEM itself works too
        assert requests.get(join(client, call)["Location"], timeout=5).status_code == 200


def test_settings_choose_jaas_then_self_hosted_jitsi_then_the_sandbox(settings):
    assert type(video_rooms()).__name__ == "SandboxRooms"
    settings.JITSI_DOMAIN, settings.JITSI_APP_ID = DOMAIN, APP_ID
    assert type(video_rooms()).__name__ == "SandboxRooms"  # no secret: not configured
    settings.JITSI_APP_SECRET = SECRET
    assert type(video_rooms()).__name__ == "JitsiRooms"
    settings.JITSI_JAAS_TENANT, settings.JITSI_JAAS_KEY_ID = TENANT, "k1"
    settings.JITSI_JAAS_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----"
    assert type(video_rooms()).__name__ == "JaasRooms"


def test_the_sandbox_room_shows_who_is_there_and_lets_them_leave(client, booking_site, call):
    login(client, "cliente@example.cm")
    address = join(client, call)["Location"]
    assert address.startswith(f"/fr/bookings/call/{call.video_room}/?token=")
    page = client.get(address)
    assert page.status_code == 200
    assert "Nadia Mbarga" in text(page) and "1 personne présente" in text(page)
    professional = Client()
    login(professional, "awa.tresses@example.cm")
    professional_room = join(professional, call)["Location"]
    page = professional.get(professional_room)
    assert "2 personnes présentes" in text(page)
    assert "Nadia Mbarga" in text(page) and "Awa Tresses" in text(page)
    left = client.post(f"/fr/bookings/call/{call.video_room}/leave/")
    assert left["Location"] == f"/fr/bookings/{call.reference}/"
    assert "1 personne présente" in text(professional.get(professional_room))
    stays = CallStay.objects.filter(booking=call)
    assert stays.get(user=booking_site["client"]).left_at is not None
    assert stays.get(user=booking_site["awa"]).moderator is True


def test_a_sandbox_link_works_only_for_its_person_and_its_time(client, booking_site, call):
    login(client, "cliente@example.cm")
    address = join(client, call)["Location"]
    stranger = Client()
    login(stranger, "autre.cliente@example.cm")
    refusal = "Ce lien d'appel n'est pas le vôtre ou a expiré."
    assert refusal in text(stranger.get(address))
    assert refusal in text(client.get(address[:-3] + "abc"))
    expired = CallPass(
        room=call.video_room,
        user_id=booking_site["client"].pk,
        name="Nadia",
        moderator=True,
        not_before=timezone.now() - 120 * MINUTE,
        expires_at=timezone.now() - MINUTE,
    )
    assert refusal in text(client.get(video_rooms().join_url(expired)))
    changes.cancel_by_client(booking=call, user=booking_site["client"])
    assert "Ce rendez-vous est annulé." in text(client.get(address))
    assert not CallStay.objects.exists()


def test_emails_calendar_and_booking_page_carry_our_join_link_never_the_room(
    client, booking_site, online, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(booking_site, online)
    link = calls.join_link(booking)
    assert link.endswith(f"/bookings/{booking.reference}/call/")
    confirmations = [message for message in mail.outbox if message.attachments]
    assert len(confirmations) == 2
    for message in confirmations:
        calendar = message.attachments[0][1].replace("\r\n ", "")
        assert link in message.body and link in calendar
        assert booking.video_room not in message.body + calendar
    login(client, "cliente@example.cm")
    page = client.get(f"/fr/bookings/{booking.reference}/")
    assert f'href="/fr/bookings/{booking.reference}/call/"' in page.content.decode()
    assert booking.video_room not in page.content.decode()
    assert "pour vous deux seulement" in text(page)


def test_both_lists_of_bookings_offer_the_call_of_a_consultation_to_come(client, call):
    join_path = f'href="/fr/bookings/{call.reference}/call/"'
    login(client, "cliente@example.cm")
    assert join_path in client.get("/fr/bookings/").content.decode()
    login(client, "awa.tresses@example.cm")
    page = client.get("/fr/bookings/pro/").content.decode()
    assert page.count(join_path) == 1 and call.video_room not in page
