"""Browser journeys on a 360x800 phone: sign up in French, confirm the e-mail, log in,
switch to English; and the language switcher on a content page.

UI strings may not all be translated into French yet, so French pages are checked by
URL and ``<html lang="fr">``; English pages by their English source strings.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    # The live server commits for real (and runs on_commit hooks, which send the mail);
    # serialized_rollback restores the rows created by migrations (groups, Wagtail root).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/accounts/confirm-email/[^\s\"'<>/]+/")
PASSWORD = "Tresses-Douala-2026!"  # noqa: S105


def load_demo():
    from demo.loaders import people, site

    people.load()
    site.load()


def url_path(live_server, path):
    return re.compile("^" + re.escape(live_server.url + path) + r"(\?.*)?$")


def test_student_signs_up_in_french_confirms_logs_in_and_switches_to_english(
    live_server, page, screenshot
):
    load_demo()
    mail.outbox.clear()

    # Home: the browser asks for French, the site answers under /fr/.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(url_path(live_server, "/fr/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("nav.lang a[hreflang=en]")).to_have_count(1)
    screenshot("01-home-fr")

    # Sign-up, reached from the page rather than by typing its address.
    page.locator("header a[href$='/accounts/signup/']").first.click()
    expect(page).to_have_url(url_path(live_server, "/fr/accounts/signup/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    screenshot("02-signup-form-fr")
    form = page.locator("form:has(input[name=password1])")
    form.locator("input[name=first_name]").fill("Nadège")
    form.locator("input[name=last_name]").fill("Essomba")
    form.locator("input[name=email]").fill("nadege.essomba@example.cm")
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("input[name=role][value=student]").check()
    form.locator("input[name=phone]").fill("6 77 12 34 56")
    screenshot("03-signup-form-filled-fr")
    form.locator("button[type=submit], input[type=submit]").last.click()

    # "Check your e-mail": allauth's verification-sent page, still in French.
    expect(page).to_have_url(url_path(live_server, "/fr/accounts/confirm-email/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    screenshot("04-verification-sent-fr")

    # The live server thread sent the mail into this process's locmem outbox.
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == ["nadege.essomba@example.cm"]
    bodies = [message.body] + [content for content, _mime in getattr(message, "alternatives", [])]
    links = {link for body in bodies for link in CONFIRM_LINK.findall(body)}
    assert len(links) == 1, bodies
    link = links.pop()
    assert "/fr/accounts/confirm-email/" in link, link

    # Confirm: the link shows a page with a button; pressing it confirms the address.
    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page).to_have_url(url_path(live_server, "/fr/accounts/login/"))
    screenshot("05-login-fr")

    # Log in with e-mail and password.
    login = page.locator("form:has(input[name=password])")
    login.locator("input[name=login]").fill("nadege.essomba@example.cm")
    login.locator("input[name=password]").fill(PASSWORD)
    login.locator("button[type=submit], input[type=submit]").last.click()
    expect(page).to_have_url(url_path(live_server, "/fr/account/"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("main")).to_contain_text("nadege.essomba@example.cm")
    screenshot("06-account-fr")

    # Switch to English: the same page under /en/, in English.
    page.locator("nav.lang a[hreflang=en]").click()
    expect(page).to_have_url(url_path(live_server, "/en/account/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text("My account")
    expect(page.locator("main")).to_contain_text("Student")
    expect(page.locator("nav.lang a[hreflang=fr]")).to_have_count(1)
    screenshot("07-account-en")

    from accounts.models import User

    user = User.objects.get(email="nadege.essomba@example.cm")
    assert user.first_name == "Nadège"
    assert user.is_student
    assert user.emailaddress_set.get().verified


def test_language_switcher_on_about_page_leads_to_english_about(live_server, page, screenshot):
    load_demo()

    page.goto(live_server.url + "/fr/a-propos/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("main h1")).to_have_text("À propos")
    screenshot("08-about-fr")

    page.locator("nav.lang a[hreflang=en]").click()
    expect(page).to_have_url(url_path(live_server, "/en/about/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text("About")
    expect(page.locator("main")).to_contain_text("An online academy for beauty trades in Cameroon.")
    screenshot("09-about-en")


def test_english_footer_links_to_the_english_pages(live_server, page):
    load_demo()

    page.goto(live_server.url + "/en/about/")
    links = page.locator("footer .footer-links a")
    expect(links).to_have_count(4)
    hrefs = [links.nth(i).get_attribute("href") for i in range(4)]
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == ["about", "faq", "terms", "privacy"]
