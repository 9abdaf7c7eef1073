"""The names booking relies on: services' deposits, reviews' ratings, the canonical page."""

import pytest
from django.db import IntegrityError, transaction

from core.page_locales import canonical
from directory.models import Review, Service
from directory.services import refresh_rating
from tests.conftest import make_person

from .builders import make_professional

pytestmark = pytest.mark.django_db


def test_deposit_is_a_fixed_amount_or_a_rounded_percentage(directory):
    pro = make_professional(directory["index"], "Awa Beauté", services=[("makeup", 15000)])
    service = pro.services.get()
    assert service.deposit_xaf() == 2000
    service.deposit_kind, service.deposit_value = Service.DepositKind.PERCENT, 33
    assert service.deposit_xaf() == 4950


def test_a_deposit_above_the_price_is_refused_by_the_database(directory):
    pro = make_professional(directory["index"], "Awa Beauté", services=[("nails", 5000)])
    with pytest.raises(IntegrityError), transaction.atomic():
        pro.services.update(deposit_value=6000)
    assert pro.services.get().deposit_value == 2000


def test_rating_outside_one_to_five_is_refused_by_the_database(directory):
    pro = make_professional(directory["index"], "Awa Beauté")
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(professional=pro, author=make_person("c@example.cm"), rating=6)
    assert not Review.objects.exists()


def test_refresh_rating_counts_visible_reviews_on_both_language_versions(directory):
    pro = make_professional(directory["index"], "Awa Beauté")
    english = pro.get_translation(directory["en"]).specific
    for n, rating in enumerate([5, 4, 1]):
        Review.objects.create(
            professional=pro,
            author=make_person(f"c{n}@example.cm"),
            rating=rating,
            is_hidden=rating == 1,
        )
    refresh_rating(professional=english)
    english.refresh_from_db()
    pro.refresh_from_db()
    assert (pro.rating_average, pro.rating_count) == (4.5, 2)
    assert (english.rating_average, english.rating_count) == (4.5, 2)
    assert pro.listing.rating_count == 2


def test_canonical_professional_of_the_english_page_is_the_french_one(directory):
    pro = make_professional(directory["index"], "Awa Beauté")
    english = pro.get_translation(directory["en"]).specific
    assert canonical(english).pk == pro.pk
    assert canonical(pro).pk == pro.pk
