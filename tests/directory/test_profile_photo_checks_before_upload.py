"""The profile photo forms tell the browser the server's size and type limits, so a
too-large portrait is refused before it is uploaded; the server still checks."""

import pytest

from tests.conftest import make_person

from .builders import make_professional

pytestmark = pytest.mark.django_db

ACCEPT = 'accept="image/jpeg,image/png,image/webp,image/heic,image/heif"'


def assert_photo_checked_in_the_browser(html):
    assert ACCEPT in html
    assert 'data-max-bytes="5242880"' in html
    assert 'aria-describedby="id_photo-problem"' in html
    assert 'id="id_photo-problem" role="alert" hidden' in html
    assert "js/photo-check" in html


def test_creating_a_profile_checks_the_photo_before_upload_in_french(client, directory):
    client.force_login(make_person("awa@example.cm"))

    html = client.get("/fr/directory/me/create/").content.decode()

    assert_photo_checked_in_the_browser(html)
    assert "dépasse 5\xa0Mo" in html
    assert "n&#x27;est pas une photo que nous savons lire" in html


def test_editing_a_profile_checks_the_photo_before_upload_in_english(client, directory):
    awa = make_professional(directory["index"], "Studio Awa", bio="Tresses à Akwa.")
    client.force_login(awa.user)

    html = client.get("/en/directory/me/edit/").content.decode()

    assert_photo_checked_in_the_browser(html)
    assert "is larger than 5 MB" in html
