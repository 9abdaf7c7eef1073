"""A student's notification centre on a 360x800 phone, in French and in English: the
bell shows what is unread and follows live updates, the list opens a notification
(marking it read), and the preferences page saves a choice. Nothing asks for push
permission on arrival."""

import pytest
from playwright.sync_api import expect

from notifications.models import NotificationPreference
from notifications.services import Message, notify

from ..conftest import make_person
from .helpers import BOTH_LANGUAGES, language_of, log_in, url_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = {
    "fr": {
        "save": "Enregistrer mes choix",
        "saved": "Vos choix de notifications sont enregistrés.",
    },
    "en": {"save": "Save my choices", "saved": "Your notification choices are saved."},
}


@BOTH_LANGUAGES
def test_student_reads_her_notifications_and_chooses_what_she_receives(
    live_server, page, screenshot, e2e_locale
):
    language = language_of(e2e_locale)
    awa = make_person(
        "awa@example.cm", first_name="Awa", phone="+237677001122", preferred_language=language
    )
    for number in (1, 2):
        notify(
            awa,
            "payment_received",
            message=Message(
                subject=f"Paiement {number} reçu",
                text="Bonjour Awa,\n\nNous avons reçu votre paiement de 5 000 FCFA.\n",
                sms="Beauty Skills Academy : paiement de 5 000 FCFA reçu.",
                url=f"/{language}/account/orders/",
            ),
        )

    log_in(live_server, page, "awa@example.cm", language)
    bell = page.locator("[data-bell]")
    expect(bell.locator("[data-bell-count]")).to_have_text("2")
    assert page.evaluate("Notification.permission") == "default"
    # push.js is deferred: wait for it rather than read it before it has run (polling
    # with evaluate: wait_for_function's string predicate needs eval, which the CSP refuses).
    for _ in range(50):
        if page.evaluate("typeof (window.bsaPush || {}).offer") == "function":
            break
        page.wait_for_timeout(100)
    assert page.evaluate("typeof (window.bsaPush || {}).offer") == "function"
    screenshot(f"60-bell-{language}")

    # The page's live connection tells the bell a new count.
    page.evaluate(
        "document.dispatchEvent(new CustomEvent('bsa:live',"
        " {detail: {type: 'notifications', unread: 3}}))"
    )
    expect(bell.locator("[data-bell-count]")).to_have_text("3")

    bell.click()
    expect(page).to_have_url(url_path(live_server, f"/{language}/notifications/"))
    expect(page.locator(".notice-unread")).to_have_count(2)
    screenshot(f"61-centre-{language}")
    page.get_by_role("link", name="Paiement 1 reçu").click()
    expect(page).to_have_url(url_path(live_server, f"/{language}/account/orders/"))
    expect(bell.locator("[data-bell-count]")).to_have_text("1")

    page.goto(f"{live_server.url}/{language}/notifications/preferences/")
    screenshot(f"62-preferences-{language}")
    page.locator("input[name='pref:payment_received:sms']").uncheck()
    page.locator("#id_quiet_from").scroll_into_view_if_needed()
    screenshot(f"63-quiet-hours-{language}")
    page.get_by_role("button", name=TEXT[language]["save"]).click()
    expect(page.locator(".messages")).to_contain_text(TEXT[language]["saved"])
    assert list(NotificationPreference.objects.values_list("kind", "channel", "enabled")) == [
        ("payment_received", "sms", False)
    ]
