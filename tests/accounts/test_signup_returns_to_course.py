"""A visitor who signs up while enrolling comes back to that course, through the
verification e-mail and the login, instead of landing on her account page."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from ..conftest import PASSWORD
from ..course_pages.builders import build_site, make_course, make_instructor
from .test_signup import signup_data


def going_to(url):
    """(path, next) of a redirect, whatever the quoting of `next`."""
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query).get("next", [None])[0]


LINK = re.compile(r"https?://[^/]+(/fr/accounts/confirm-email/\S+)")


@pytest.fixture
def course(db):
    site = build_site()
    _, teacher = make_instructor("aicha@example.cm", index=site["instructors"])
    return make_course(site["catalogue"], teacher, title="Tresses collées", price_xaf=0)


@pytest.mark.django_db
def test_signing_up_while_enrolling_leads_back_to_the_start_step_of_the_course(
    client, course, django_capture_on_commit_callbacks
):
    start = f"/fr/learn/enrol/{course.pk}/"
    enrol = client.post(start)
    assert going_to(enrol.url) == ("/fr/accounts/login/", start)
    login_page = client.get(enrol.url).content.decode()
    signup_url = unescape(re.search(r'href="(/fr/accounts/signup/\?next=[^"]+)"', login_page)[1])
    signup_page = client.get(signup_url).content.decode()
    assert f'name="next" value="{start}"' in signup_page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(signup_url, signup_data(next=start))
    link = LINK.search(mail.outbox[-1].body)[1]
    confirm_page = client.get(link).content.decode()
    confirmed = client.post(
        link, {"next": unescape(re.search(r'name="next" value="([^"]+)"', confirm_page)[1])}
    )

    assert confirmed.status_code == 302
    assert going_to(confirmed.url) == ("/fr/accounts/login/", start)
    logged_in = client.post(
        confirmed.url, {"login": "nadege@example.cm", "password": PASSWORD, "next": start}
    )
    assert logged_in.url == start
    assert "Commencer gratuitement" in client.get(start).content.decode()


@pytest.mark.django_db
def test_signing_up_without_a_destination_still_ends_on_the_account_page(
    client, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/accounts/signup/", signup_data())
    link = LINK.search(mail.outbox[-1].body)[1]

    assert "next=" not in link
    client.post(link)
    logged_in = client.post(
        "/fr/accounts/login/", {"login": "nadege@example.cm", "password": PASSWORD}
    )
    assert logged_in.url == "/fr/account/"


@pytest.mark.django_db
def test_a_foreign_destination_is_not_carried_into_the_email(
    client, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/accounts/signup/?next=https://evil.example/",
            signup_data(next="https://evil.example/"),
        )

    assert "evil" not in mail.outbox[-1].body
