"""The practice-work form tells the browser the size, type and count limits, so a
40 MB photo is refused before it is uploaded; the server still checks."""

import pytest

from enrolment.models import Submission

from .conftest import photo_upload


@pytest.mark.django_db
def test_hand_in_form_carries_the_limits_and_translated_messages(client, course_site, enrolled):
    client.force_login(enrolled)

    html = client.get(course_site["work"].url).content.decode()

    assert 'accept="image/jpeg,image/png,image/webp,image/heic,image/heif"' in html
    assert 'data-max-bytes="10485760"' in html and 'data-max-files="5"' in html
    assert "dépasse 10\xa0Mo" in html
    assert "js/photo-check" in html and 'role="alert" hidden' in html


@pytest.mark.django_db
def test_server_still_refuses_a_photo_over_the_limit(client, course_site, enrolled):
    from core import photos

    client.force_login(enrolled)
    work = course_site["work"]
    assignment_id = work.body[0].id

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(photos, "MAX_UPLOAD_BYTES", 100)
        response = client.post(
            f"/fr/learn/lesson/{work.pk}/work/{assignment_id}/",
            {"photos": [photo_upload()]},
            follow=True,
        )

    assert "dépasse 10" in response.content.decode()
    assert not Submission.objects.exists()
