import pytest


@pytest.mark.django_db
def test_root_sends_french_by_default(client, site_pages):
    response = client.get("/")

    assert response.status_code == 302
    assert response.url == "/fr/"


@pytest.mark.django_db
def test_root_sends_an_english_browser_to_english(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.url == "/en/"


@pytest.mark.parametrize(
    ("url", "other_url", "lang", "title"),
    [
        ("/fr/", "/en/", "fr", "Apprenez les métiers de la beauté"),
        ("/en/", "/fr/", "en", "Learn beauty trades"),
        ("/fr/a-propos/", "/en/about/", "fr", "À propos"),
        ("/en/about/", "/fr/a-propos/", "en", "About"),
        ("/fr/faq/", "/en/faq/", "fr", "Questions fréquentes"),
        ("/en/terms/", "/fr/conditions/", "en", "Terms of use"),
        ("/fr/confidentialite/", "/en/privacy/", "fr", "Confidentialité"),
    ],
)
@pytest.mark.django_db
def test_every_site_page_exists_in_both_languages_and_links_to_its_twin(
    client, site_pages, url, other_url, lang, title
):
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert title in html
    assert f'href="{other_url}" hreflang=' in html
    assert (
        f'hreflang="{"en" if lang == "fr" else "fr"}" href="http://testserver{other_url}"' in html
    )


@pytest.mark.django_db
def test_switcher_on_an_account_page_keeps_the_same_page(client, site_pages, student):
    client.force_login(student)

    html = client.get("/fr/account/").content.decode()

    assert 'href="/en/account/" hreflang="en"' in html


@pytest.mark.django_db
def test_navigation_and_footer_are_in_the_page_language(client, site_pages):
    french = client.get("/fr/").content.decode()
    english = client.get("/en/").content.decode()

    assert 'href="/fr/faq/">Questions fréquentes' in french  # in the footer
    assert "Les métiers de la beauté, appris sur votre téléphone." in french
    assert 'href="/en/about/">About' in english
    assert "Beauty trades, learnt on your phone." in english
    assert "Se connecter" in french and "Log in" in english
