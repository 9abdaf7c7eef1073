"""Certificate downloads and "my certificates" tell every cache not to keep them."""


def cache_directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def test_a_certificate_pdf_is_not_kept_by_any_cache(client, certificate, graduate):
    client.force_login(graduate)

    response = client.get(f"/fr/certificates/{certificate.code}.pdf")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)


def test_my_certificates_page_is_not_kept_by_any_cache(client, certificate, graduate):
    client.force_login(graduate)

    response = client.get("/fr/certificates/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)


def test_the_open_badges_file_is_not_kept_by_any_cache(client, certificate, graduate):
    client.force_login(graduate)

    response = client.get(f"/en/certificates/{certificate.code}.json")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)
