"""The professional's own space: services, statistics and one answer per review."""

import pytest

from directory.models import Review, Service, ServiceCategory
from tests.conftest import make_person
from tests.counting import drain_counts

from .builders import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def awa(directory):
    return make_professional(directory["index"], "Studio Awa", services=[("braiding", 15000)])


def service_data(**overrides):
    data = {
        "category": ServiceCategory.objects.get(slug="nails").pk,
        "name_fr": "Pose de gel",
        "name_en": "Gel nails",
        "duration_minutes": 60,
        "price_xaf": 8000,
        "deposit_kind": "percent",
        "deposit_value": 25,
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_professional_adds_a_service_and_the_search_knows_it(
    client, awa, django_capture_on_commit_callbacks
):
    client.force_login(awa.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/directory/me/services/new/", service_data())
    assert response.status_code == 302
    service = awa.services.get(name_fr="Pose de gel")
    assert service.deposit_xaf() == 2000
    awa.listing.refresh_from_db()
    assert awa.listing.min_price_xaf == 8000
    assert "pose de gel" in awa.listing.document  # folded for accent-blind search


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"deposit_kind": "fixed", "deposit_value": 9000}, "plus que le prix"),
        ({"deposit_value": 150}, "jusqu&#x27;à 100"),
        ({"price_xaf": -1}, "supérieure ou égale à 0"),
        ({"duration_minutes": 2}, ""),
    ],
)
def test_bad_service_input_is_refused_and_nothing_changes(client, awa, overrides, message):
    client.force_login(awa.user)
    response = client.post("/fr/directory/me/services/new/", service_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert awa.services.count() == 1


def test_someone_else_cannot_edit_a_service(client, awa):
    service = awa.services.get()
    other = make_person("other@example.cm")
    client.force_login(other)
    response = client.post(f"/fr/directory/me/services/{service.pk}/", service_data())
    assert response.status_code == 404
    assert Service.objects.get(pk=service.pk).name_fr == service.name_fr


def test_professional_answers_a_review_once(client, awa):
    review = Review.objects.create(professional=awa, author=make_person("c@example.cm"), rating=4)
    client.force_login(awa.user)
    client.post(f"/fr/directory/reviews/{review.pk}/answer/", {"response": "Merci !"})
    response = client.post(
        f"/fr/directory/reviews/{review.pk}/answer/", {"response": "Autre"}, follow=True
    )
    assert "déjà répondu" in response.content.decode()
    review.refresh_from_db()
    assert review.response == "Merci !"


def test_another_person_cannot_answer_a_review(client, awa):
    review = Review.objects.create(professional=awa, author=make_person("c@example.cm"), rating=4)
    client.force_login(make_person("other@example.cm"))
    client.post(f"/fr/directory/reviews/{review.pk}/answer/", {"response": "Faux"})
    review.refresh_from_db()
    assert review.response == "" and review.responded_at is None


def test_professional_sees_views_and_appearances_per_week(client, awa):
    client.get(awa.url)
    client.get("/fr/professionnelles/")
    drain_counts()
    client.force_login(awa.user)
    response = client.get("/fr/directory/me/")
    this_week = response.context["stats"][0]
    assert (this_week["profile_views"], this_week["search_appearances"]) == (1, 1)


def test_person_without_profile_is_invited_to_create_one(client, directory):
    client.force_login(make_person("new@example.cm"))
    response = client.get("/fr/directory/me/")
    assert 'href="/fr/directory/me/create/"' in response.content.decode()
