"""Photos in posts are re-encoded (WebP, the original never kept), shown small in the
thread and whole on a tap, and served only to the forum's readers."""

import io

import pytest
from PIL import Image

from community.models import Post

from .conftest import ask, photo_upload

pytestmark = pytest.mark.django_db


def test_a_photo_is_re_encoded_and_shown_small(client, people):
    thread = ask(people)
    client.force_login(people["nadia"])
    response = client.post(
        f"/en/forums/thread/{thread.pk}/reply/",
        {"body": "Voici le résultat", "photo": photo_upload("IMG_2041.jpg", size=(3000, 2000))},
    )
    assert response.status_code == 302
    post = Post.objects.get(kind=Post.Kind.REPLY)
    assert post.photo.name.endswith(".webp") and post.photo_small.name.endswith("-small.webp")
    full = Image.open(
        io.BytesIO(b"".join(client.get(f"/fr/forums/post/{post.pk}/photo.webp").streaming_content))
    )
    small = Image.open(
        io.BytesIO(
            b"".join(client.get(f"/fr/forums/post/{post.pk}/photo-small.webp").streaming_content)
        )
    )
    assert (full.format, full.size) == ("WEBP", (1600, 1067))
    assert (small.format, max(small.size)) == ("WEBP", 640)
    page = client.get(f"/fr/forums/thread/{thread.pk}/").text
    assert f'src="/fr/forums/post/{post.pk}/photo-small.webp"' in page
    assert 'loading="lazy"' in page


def test_a_deleted_posts_photo_is_not_served(client, people):
    from community.forums import posting

    thread = ask(people)
    post = posting.reply(user=people["nadia"], thread=thread, body="Photo", photo=photo_upload())
    posting.delete(user=people["nadia"], post=post)
    client.force_login(people["linda"])
    assert client.get(f"/fr/forums/post/{post.pk}/photo.webp").status_code == 404
