"""English pages, receipts and e-mails name what was bought in English, and dates read
day first with the month in letters in both languages."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone

from checkout import services
from checkout.models import Order

from ..conftest import make_person
from .conftest import pay_order
from .test_receipts import pdf_text


@pytest.fixture
def english_course(course_site):
    course = course_site["paid"]
    english = course.copy_for_translation(course_site["en"])
    english.title = "Bridal make-up"
    english.slug = "bridal"
    english.save_revision().publish()
    return course


@pytest.fixture
def buyer(db):
    from accounts.models import User

    return make_person(
        "english.buyer@example.cm", is_student=True, preferred_language=User.Language.ENGLISH
    )


@pytest.mark.django_db
def test_an_english_reader_sees_the_english_course_title_on_orders_and_receipts(
    client, buyer, english_course, django_capture_on_commit_callbacks
):
    order = services.create_order(user=buyer, item_type="course", item_id=english_course.pk)
    with django_capture_on_commit_callbacks(execute=True):
        pay_order(order)
    client.force_login(buyer)

    buy_page = client.get("/en/checkout/buy/subscription/monthly/").content.decode()
    orders_page = client.get("/en/account/orders/").content.decode()
    french_orders = client.get("/fr/account/orders/").content.decode()
    receipt = pdf_text(client.get(f"/en/account/orders/receipt/{order.number}.pdf").content)

    assert "Bridal make-up" in orders_page and "Mariée" not in orders_page
    assert "Mariée" in french_orders
    assert "Bridal make-up" in mail.outbox[0].body
    assert "Bridal make-up" in receipt and "Mariée" not in receipt
    assert "Subscription: Monthly" in buy_page


@pytest.mark.django_db
def test_a_subscription_is_named_in_the_language_of_the_page(client, buyer):
    with_french = make_person("fr.subscriber@example.cm", is_student=True)
    services.create_order(user=with_french, item_type="subscription", item_id="monthly")
    client.force_login(with_french)

    english = client.get("/en/account/orders/").content.decode()
    french = client.get("/fr/account/orders/").content.decode()

    assert "Subscription: Monthly" in english
    assert "Abonnement" in french and "Mensuel" in french


@pytest.mark.django_db
def test_order_dates_read_day_first_with_the_month_in_letters(client, buyer, course_site):
    order = services.create_order(user=buyer, item_type="course", item_id=course_site["paid"].pk)
    moment = timezone.make_aware(datetime(2026, 12, 4, 10, 0))
    Order.objects.filter(pk=order.pk).update(created_at=moment)
    client.force_login(buyer)

    english = client.get("/en/account/orders/").content.decode()
    french = client.get("/fr/account/orders/").content.decode()

    assert "4 Dec 2026" in english and "12/04/2026" not in english
    assert "4 déc. 2026" in french
