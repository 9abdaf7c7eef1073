"""Sharing on a group's wall: tips, product notes, local suppliers with a phone (E.164),
photos re-encoded; edits keep the text before; bad input is refused with nothing stored."""

import pytest
from PIL import Image

from community.models import Contribution, Resource, ResourcePhoto, ResourceRevision

from .conftest import address, make_group, pdf_upload, photo_upload, plain, shows


@pytest.fixture
def group(people):
    return make_group(people)


def share(client, group, language="fr", **data):
    fields = {"kind": "tip", "text": "", "supplier_name": "", "supplier_phone": ""}
    fields.update(data)
    return client.post(f"/{language}/groups/{group.pk}/share/", fields)


def nothing_stored():
    return not (
        Resource.objects.exists()
        or ResourcePhoto.objects.exists()
        or Contribution.objects.filter(kind="resource").exists()
    )


def test_a_member_shares_a_local_supplier_with_a_callable_phone(client, people, group):
    client.force_login(people["founder"])
    response = share(
        client,
        group,
        kind="supplier",
        supplier_name="Mèches Chez Mama Rose, Marché Central",
        supplier_town="douala",
        supplier_phone="6 77 12 34 56",
        text="Mèches X-pression à 1 500 FCFA le paquet.",
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert str(resource.supplier_phone) == "+237677123456"
    page = client.get(address(group))
    assert shows(page, "Mèches Chez Mama Rose, Marché Central")
    assert 'href="tel:+237677123456"' in page.text and shows(page, "+237 6 77 12 34 56")


@pytest.mark.parametrize(
    "data, language, message",
    [
        (
            {"text": ""},
            "fr",
            "Écrivez votre astuce, votre avis ou les détails du fournisseur avant de partager.",
        ),
        (
            {"text": "   \n  "},
            "en",
            "Write your tip, note or the supplier's details before sharing.",
        ),
        ({"text": "x" * 20_000}, "en", "This text can be 5,000 characters at most; it has 20,000."),
        (
            {
                "kind": "supplier",
                "text": "Bon prix",
                "supplier_name": "Mama Rose",
                "supplier_town": "douala",
                "supplier_phone": "pas un numéro",
            },
            "fr",
            "Indiquez le téléphone du fournisseur, un numéro camerounais",
        ),
        (
            {
                "kind": "supplier",
                "text": "Bon prix",
                "supplier_name": "Mama Rose",
                "supplier_town": "douala",
                "supplier_phone": "+33 6 12 34 56 78",
            },
            "en",
            "Enter the supplier's phone, a Cameroonian number",
        ),
        ({"kind": "photo", "text": ""}, "en", "Choose at least one photo to share."),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_stored(
    client, people, group, data, language, message
):
    client.force_login(people["founder"])
    response = share(client, group, language, **data)
    assert response.status_code == 400
    assert shows(response, message), plain(response.text)
    assert nothing_stored()


@pytest.mark.parametrize(
    "language, message",
    [
        ("fr", "« photo.jpg » n'est pas une photo (JPEG, PNG ou HEIC)."),
        ("en", "“photo.jpg” is not a photo (JPEG, PNG or HEIC)."),
    ],
)
def test_a_file_that_is_not_an_image_is_refused(client, people, group, language, message):
    client.force_login(people["founder"])
    response = client.post(
        f"/{language}/groups/{group.pk}/share/", {"kind": "photo", "photos": [pdf_upload()]}
    )
    assert response.status_code == 400 and shows(response, message), plain(response.text)
    assert nothing_stored()


def test_photos_are_reencoded_with_a_small_copy_for_the_wall(client, people, group):
    client.force_login(people["founder"])
    response = client.post(
        f"/fr/groups/{group.pk}/share/",
        {
            "kind": "photo",
            "text": "Mes knotless",
            "photos": [photo_upload(), photo_upload("b.png", "PNG")],
        },
    )
    assert response.status_code == 302
    photos = list(ResourcePhoto.objects.all())
    assert len(photos) == 2
    for photo in photos:
        with photo.image.open() as full, Image.open(full) as image:
            assert image.format == "WEBP" and image.size == (photo.width, photo.height)
        assert max(photo.thumb_width, photo.thumb_height) <= 360
    small = client.get(f"/fr/groups/photos/{photos[0].pk}/small.webp")
    assert small["Content-Type"] == "image/webp"
    assert 'loading="lazy"' in client.get(address(group)).text


def test_html_and_scripts_are_shown_escaped(client, people, group):
    client.force_login(people["founder"])
    share(client, group, text='<script>alert("x")</script><img src=x onerror=alert(1)>')
    page = client.get(address(group)).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_the_author_edits_and_the_text_before_is_kept(client, people, group):
    client.force_login(people["founder"])
    share(client, group, text="Huile de ricin avant la pose.")
    resource = Resource.objects.get()
    response = client.post(
        f"/fr/groups/resources/{resource.pk}/edit/", {"text": "Huile de ricin après la pose."}
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.text == "Huile de ricin après la pose." and resource.edited_at
    revision = ResourceRevision.objects.get()
    assert (
        revision.text == "Huile de ricin avant la pose." and revision.edited_by == people["founder"]
    )
    history = client.get(f"/en/groups/resources/{resource.pk}/edit/")
    assert shows(history, "Earlier versions") and shows(history, "Huile de ricin avant la pose.")
    # An edit to nothing is refused and keeps the text.
    refused = client.post(f"/en/groups/resources/{resource.pk}/edit/", {"text": ""})
    assert refused.status_code == 400
    resource.refresh_from_db()
    assert (
        resource.text == "Huile de ricin après la pose." and ResourceRevision.objects.count() == 1
    )


def test_only_the_author_or_a_moderator_edits(client, people, group):
    from .conftest import add_member

    add_member(group, people["classmate"])
    client.force_login(people["founder"])
    share(client, group, text="Astuce")
    resource = Resource.objects.get()
    client.force_login(people["classmate"])
    assert client.get(f"/fr/groups/resources/{resource.pk}/edit/").status_code == 404
    client.force_login(people["moderator"])
    assert client.get(f"/fr/groups/resources/{resource.pk}/edit/").status_code == 200


def test_someone_outside_the_group_cannot_share(client, people, group):
    client.force_login(people["stranger"])
    response = share(client, group, text="Pub !")
    assert response.status_code == 403 and shows(
        response, "Rejoignez le groupe pour partager sur son mur."
    )
    assert nothing_stored()
