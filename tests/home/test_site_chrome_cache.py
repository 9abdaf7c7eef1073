"""The site chrome is read once and kept (home/site_chrome.py), yet every change it
shows — a page published, unpublished or renamed, the footer, the contact details —
is on the very next request."""

import pytest
from django.test import Client
from wagtail.models import Locale

from home.models import ContactSettings, FooterContent, StandardPage

pytestmark = pytest.mark.django_db


def _menu(client, path="/fr/"):
    html = client.get(path).content.decode()
    return html.split('class="main-nav"')[1].split("</nav>")[0]


def test_a_page_published_in_the_menu_shows_on_the_next_request(site_pages):
    client = Client()
    assert "Tarifs" not in _menu(client)
    page = StandardPage(title="Tarifs", slug="tarifs", show_in_menus=True, live=False)
    site_pages.add_child(instance=page)
    page.save_revision()
    assert "Tarifs" not in _menu(client)

    page.get_latest_revision().publish()

    assert "Tarifs" in _menu(client)
    page.refresh_from_db()
    page.unpublish()
    assert "Tarifs" not in _menu(client)


def test_a_footer_or_contact_change_shows_on_the_next_request(site_pages):
    client = Client()
    client.get("/fr/")
    footer = FooterContent.objects.get(locale=Locale.objects.get(language_code="fr"))
    footer.tagline = "Nouvelle devise du pied de page"
    footer.save()
    contact = ContactSettings.load()
    contact.email = "nouveau@example.cm"
    contact.save()

    html = client.get("/fr/").content.decode()

    assert "Nouvelle devise du pied de page" in html
    assert "nouveau@example.cm" in html


def test_the_chrome_is_read_once_for_every_page(site_pages):
    from ..query_counts import counted_queries

    client = Client()
    client.get("/fr/faq/")
    with counted_queries() as queries:
        client.get("/fr/a-propos/")

    assert not [sql for sql in queries if "home_footercontent" in sql]
    assert not [sql for sql in queries if "home_contactsettings" in sql]


def test_the_kept_menu_and_footer_are_each_readers_own_kind(site_pages):
    from ..conftest import make_person

    saver = make_person("awa@example.cm")
    saver.data_saver = True
    saver.save()
    hers, theirs, visitor = Client(), Client(), Client()
    hers.force_login(saver)
    theirs.force_login(make_person("binta@example.cm"))
    # The second time from the kept chrome, rendered once per kind of reader.
    for _ in range(2):
        mine, other, anonymous = (
            client.get("/fr/a-propos/").content.decode() for client in (hers, theirs, visitor)
        )
        assert "/fr/learn/" in _menu_of(mine) and "/fr/learn/" not in _menu_of(anonymous)
        assert "Économiseur de données activé." in mine
        assert "Économiseur de données désactivé." in other
        assert 'name="next" value="/fr/a-propos/"' in anonymous


def _menu_of(html):
    return html.split('class="main-nav"')[1].split("</nav>")[0]
