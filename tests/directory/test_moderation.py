"""Moderators hide abusive reviews in the admin; the rating follows."""

import pytest
from django.urls import reverse

from directory.models import Review
from directory.services import refresh_rating
from tests.conftest import make_person

from .builders import make_professional

pytestmark = pytest.mark.django_db


def test_moderator_hides_a_review_and_the_rating_is_recounted(client, directory, moderator):
    awa = make_professional(directory["index"], "Studio Awa")
    Review.objects.create(professional=awa, author=make_person("a@example.cm"), rating=5)
    abusive = Review.objects.create(
        professional=awa, author=make_person("b@example.cm"), rating=1, text="Insulte"
    )
    refresh_rating(professional=awa)
    client.force_login(moderator)
    url = reverse("directory_reviews:edit", args=[abusive.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"is_hidden": "on"})
    assert response.status_code == 302
    awa.refresh_from_db()
    assert (awa.rating_average, awa.rating_count) == (5, 1)
    assert "Insulte" not in client.get(awa.url).content.decode()


def test_a_client_cannot_open_review_moderation(client, directory):
    awa = make_professional(directory["index"], "Studio Awa")
    review = Review.objects.create(professional=awa, author=make_person("a@example.cm"), rating=5)
    client.force_login(make_person("client@example.cm"))
    response = client.post(reverse("directory_reviews:edit", args=[review.pk]), {"is_hidden": "on"})
    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert not review.is_hidden


def test_moderator_lists_services_in_the_admin(client, directory, moderator):
    make_professional(directory["index"], "Studio Awa", services=[("nails", 5000)])
    client.force_login(moderator)
    response = client.get(reverse("directory_services:index"))
    assert response.status_code == 200
    assert "Prestation nails" in response.content.decode()
