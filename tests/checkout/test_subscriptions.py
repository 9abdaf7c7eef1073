"""Subscriptions: paying for a plan, renewing, what it opens, refunds and reminders."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from checkout import refunds, services
from checkout.errors import NotForSale
from checkout.models import LedgerLine, Order, Subscription
from checkout.money import format_xaf
from checkout.purchasables import fulfiller_for
from checkout.subscription_tasks import remind_expiring_subscriptions
from checkout.subscriptions import has_active_subscription, subscribed_until
from enrolment import services as learning
from enrolment.errors import NotEnrolled
from enrolment.models import Enrolment, LessonProgress
from notifications import sms
from notifications.models import OutboundMessage

from ..conftest import make_person
from .conftest import buy_subscription


def end_subscriptions(user, *, days_ago=1):
    """Move the user's paid-for time into the past, as if it had run out."""
    now = timezone.now()
    Subscription.objects.filter(user=user).update(
        starts_at=now - timedelta(days=30 + days_ago), ends_at=now - timedelta(days=days_ago)
    )


# --- Buying and renewing ----------------------------------------------------------------------


@pytest.mark.django_db
def test_paying_the_monthly_plan_gives_thirty_days(subscription_site):
    student = subscription_site["student"]

    order = buy_subscription(student, "monthly")

    assert order.status == Order.Status.PAID
    assert order.amount_xaf == 5000
    subscription = Subscription.objects.get(order=order)
    assert subscription.user == student
    assert subscription.plan == Subscription.Plan.MONTHLY
    assert subscription.starts_at == order.paid_at
    assert subscription.ends_at - subscription.starts_at == timedelta(days=30)
    assert has_active_subscription(student)
    assert not has_active_subscription(student, at=subscription.ends_at)


@pytest.mark.django_db
def test_the_annual_plan_costs_fifty_thousand_for_365_days(subscription_site):
    order = buy_subscription(subscription_site["student"], "annual")

    subscription = Subscription.objects.get(order=order)
    assert order.amount_xaf == 50000
    assert subscription.ends_at - subscription.starts_at == timedelta(days=365)


@pytest.mark.django_db
def test_the_academy_keeps_the_whole_subscription_price(subscription_site):
    order = buy_subscription(subscription_site["student"], "monthly")

    lines = LedgerLine.objects.filter(transaction__order=order)
    assert order.payee is None
    assert not lines.filter(account=LedgerLine.Account.PAYEE_PAYABLE).exists()
    assert lines.get(account=LedgerLine.Account.PLATFORM_REVENUE).amount_xaf == -5000


@pytest.mark.django_db
def test_renewal_starts_when_the_current_subscription_ends(subscription_site):
    student = subscription_site["student"]
    first = Subscription.objects.get(order=buy_subscription(student, "monthly"))

    second = Subscription.objects.get(order=buy_subscription(student, "monthly"))
    third = Subscription.objects.get(order=buy_subscription(student, "annual"))

    assert second.starts_at == first.ends_at
    assert second.ends_at == first.ends_at + timedelta(days=30)
    assert third.starts_at == second.ends_at
    assert subscribed_until(student) == second.ends_at + timedelta(days=365)


@pytest.mark.django_db
def test_a_renewal_after_the_end_starts_on_the_day_it_is_paid(subscription_site):
    student = subscription_site["student"]
    buy_subscription(student, "monthly")
    end_subscriptions(student, days_ago=5)

    order = buy_subscription(student, "monthly")

    renewal = Subscription.objects.get(order=order)
    assert renewal.starts_at == order.paid_at
    assert has_active_subscription(student)


@pytest.mark.django_db
def test_news_of_the_payment_twice_makes_one_subscription(subscription_site):
    order = buy_subscription(subscription_site["student"], "monthly")

    fulfiller_for("subscription").on_paid(order=order)
    services.poll_payment(payment=order.payments.get())

    assert Subscription.objects.filter(user=subscription_site["student"]).count() == 1


@pytest.mark.django_db
def test_an_unknown_plan_is_not_for_sale(subscription_site):
    with pytest.raises(NotForSale):
        services.create_order(
            user=subscription_site["student"], item_type="subscription", item_id="weekly"
        )

    assert not Order.objects.exists()


# --- What a subscription opens ------------------------------------------------------------------


@pytest.mark.django_db
def test_subscriber_opens_included_lessons_but_not_other_paid_courses(client, subscription_site):
    buy_subscription(subscription_site["student"], "monthly")
    client.force_login(subscription_site["student"])

    included = client.get(subscription_site["included_lesson"].url)
    excluded = client.get(subscription_site["excluded_lesson"].url)

    assert included.status_code == 200
    assert "Smoky eyes" in included.content.decode()
    assert excluded.status_code == 403
    assert "Lace" not in excluded.content.decode()


@pytest.mark.django_db
def test_included_lessons_stay_closed_without_a_subscription(client, subscription_site):
    lesson_url = subscription_site["included_lesson"].url

    assert client.get(lesson_url).status_code == 302  # anonymous: log in first
    client.force_login(subscription_site["student"])
    assert client.get(lesson_url).status_code == 403


@pytest.mark.django_db
def test_subscriber_enrols_with_one_tap_and_uses_the_learning_actions(client, subscription_site):
    student, lesson = subscription_site["student"], subscription_site["included_lesson"]
    buy_subscription(student, "monthly")
    client.force_login(student)

    response = client.post(f"/fr/learn/enrol/{subscription_site['included'].pk}/")

    assert response.status_code == 302
    assert response.url == lesson.url
    enrolment = Enrolment.objects.get(user=student, course=subscription_site["included"])
    assert enrolment.source == Enrolment.Source.SUBSCRIPTION
    client.post(f"/fr/learn/lesson/{lesson.pk}/done/")
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson_id=lesson.pk).exists()


@pytest.mark.django_db
def test_enrolling_in_a_paid_course_outside_the_subscription_is_refused(client, subscription_site):
    student = subscription_site["student"]
    buy_subscription(student, "monthly")
    client.force_login(student)

    client.post(f"/fr/learn/enrol/{subscription_site['excluded'].pk}/")

    assert not Enrolment.objects.filter(user=student).exists()


@pytest.mark.django_db
def test_access_to_included_courses_closes_when_the_subscription_ends(client, subscription_site):
    student, lesson = subscription_site["student"], subscription_site["included_lesson"]
    buy_subscription(student, "monthly")
    learning.enrol_with_subscription(user=student, course=subscription_site["included"])
    end_subscriptions(student)
    client.force_login(student)

    assert client.get(lesson.url).status_code == 403
    with pytest.raises(NotEnrolled):
        learning.mark_complete(user=student, lesson=lesson.specific)
    with pytest.raises(learning.NotAllowed):
        learning.enrol_with_subscription(user=student, course=subscription_site["included"])


@pytest.mark.django_db
def test_a_bought_course_stays_open_after_the_subscription_ends(client, subscription_site):
    student, course = subscription_site["student"], subscription_site["included"]
    buy_subscription(student, "monthly")
    learning.enrol_with_subscription(user=student, course=course)

    learning.enrol(user=student, course=course, source=Enrolment.Source.PURCHASE)
    end_subscriptions(student)
    client.force_login(student)

    assert Enrolment.objects.get(user=student, course=course).source == "purchase"
    assert client.get(subscription_site["included_lesson"].url).status_code == 200


# --- Refunds --------------------------------------------------------------------------------------


def refund(order, amount, by):
    return refunds.refund_payment(
        payment=order.payments.get(),
        amount_xaf=amount,
        reason="Demande de la cliente",
        requested_by=by,
    )


@pytest.mark.django_db
def test_a_full_refund_revokes_the_subscription(client, subscription_site, moderator):
    student = subscription_site["student"]
    order = buy_subscription(student, "monthly")

    refund(order, 5000, moderator)

    assert Subscription.objects.get(order=order).revoked
    assert not has_active_subscription(student)
    client.force_login(student)
    assert client.get(subscription_site["included_lesson"].url).status_code == 403


@pytest.mark.django_db
def test_a_partial_refund_keeps_the_subscription(subscription_site, moderator):
    order = buy_subscription(subscription_site["student"], "monthly")

    refund(order, 1000, moderator)

    assert not Subscription.objects.get(order=order).revoked
    assert has_active_subscription(subscription_site["student"])


@pytest.mark.django_db
def test_refunding_the_current_period_moves_the_renewal_forward(subscription_site, moderator):
    student = subscription_site["student"]
    current = buy_subscription(student, "monthly")
    renewal = Subscription.objects.get(order=buy_subscription(student, "monthly"))

    refund(current, 5000, moderator)

    renewal.refresh_from_db()
    assert renewal.starts_at <= timezone.now()
    assert has_active_subscription(student)
    assert renewal.ends_at - timezone.now() <= timedelta(days=30)


# --- Renewal reminders ----------------------------------------------------------------------------


def ending_in(user, days, plan="monthly"):
    order = buy_subscription(user, plan)
    subscription = Subscription.objects.get(order=order)
    ends_at = timezone.now() + timedelta(days=days)
    Subscription.objects.filter(pk=subscription.pk).update(
        starts_at=ends_at - timedelta(days=30), ends_at=ends_at
    )
    return subscription


@pytest.mark.django_db
def test_one_reminder_three_days_before_the_end_however_often_the_task_runs(
    subscription_site, django_capture_on_commit_callbacks
):
    student = subscription_site["student"]
    subscription = ending_in(student, 2)
    mail.outbox.clear()
    sms.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        remind_expiring_subscriptions.delay()
    with django_capture_on_commit_callbacks(execute=True):
        remind_expiring_subscriptions.delay()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [student.email]
    assert "http://testserver/fr/checkout/buy/subscription/monthly/" in message.body
    assert len(sms.outbox) == 1
    assert sms.outbox[0][0] == "+237677556677"
    assert "/fr/checkout/buy/subscription/monthly/" in sms.outbox[0][1]
    subscription.refresh_from_db()
    assert subscription.reminded_at is not None
    with translation.override("fr"):
        assert date_format(timezone.localtime(subscription.ends_at), "DATE_FORMAT") in message.body


@pytest.mark.django_db
def test_reminder_speaks_the_students_language(
    subscription_site, django_capture_on_commit_callbacks
):
    ending_in(subscription_site["english"], 1, plan="annual")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        remind_expiring_subscriptions.delay()

    assert len(mail.outbox) == 1
    assert "Hello Peter Fru" in mail.outbox[0].body
    assert "http://testserver/en/checkout/buy/subscription/annual/" in mail.outbox[0].body
    assert sms.outbox == []  # no phone, no SMS


@pytest.mark.django_db
def test_no_reminder_too_early_or_once_renewed(
    subscription_site, django_capture_on_commit_callbacks
):
    ending_in(subscription_site["student"], 10)
    renewed = ending_in(subscription_site["english"], 2)
    buy_subscription(subscription_site["english"], "monthly")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        remind_expiring_subscriptions.delay()

    assert mail.outbox == []
    assert not OutboundMessage.objects.exists()
    renewed.refresh_from_db()
    assert renewed.reminded_at is None


@pytest.mark.django_db
def test_a_renewal_gets_its_own_reminder_later(
    subscription_site, django_capture_on_commit_callbacks
):
    student = subscription_site["student"]
    ending_in(student, 2)
    with django_capture_on_commit_callbacks(execute=True):
        remind_expiring_subscriptions.delay()

    renewal = Subscription.objects.get(order=buy_subscription(student, "monthly"))

    assert renewal.reminded_at is None


def test_reminders_run_daily_from_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["remind-expiring-subscriptions"]

    assert entry["task"] == "checkout.subscription_tasks.remind_expiring_subscriptions"
    assert entry["schedule"].hour == {9}


# --- The subscription page ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_page_shows_both_plans_and_the_included_courses(client, subscription_site):
    response = client.get("/fr/subscription/")

    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("fr"):
        assert format_xaf(5000) in page
        assert format_xaf(50000) in page
    assert subscription_site["included"].url in page
    assert "Maquillage de soirée" in page
    assert "Perruques" not in page
    # Anonymous: sign up first, then straight on to the pay page.
    assert "/fr/accounts/signup/?next=%2Ffr%2Fcheckout%2Fbuy%2Fsubscription%2Fmonthly%2F" in page


@pytest.mark.django_db
def test_the_page_shows_the_subscribers_end_date_and_buy_links(client, subscription_site):
    student = subscription_site["student"]
    subscription = Subscription.objects.get(order=buy_subscription(student, "monthly"))
    client.force_login(student)

    page = client.get("/fr/subscription/").content.decode()

    with translation.override("fr"):
        assert date_format(timezone.localtime(subscription.ends_at), "DATE_FORMAT") in page
    assert 'href="/fr/checkout/buy/subscription/monthly/"' in page
    assert 'href="/fr/checkout/buy/subscription/annual/"' in page


@pytest.mark.django_db
def test_the_page_exists_in_english(client, subscription_site):
    response = client.get("/en/subscription/")

    assert response.status_code == 200
    page = response.content.decode()
    assert format_xaf(5000, "en") in page
    assert "/en/accounts/signup/" in page


@pytest.mark.django_db
def test_a_non_subscriber_sees_no_end_date(client, subscription_site):
    other = make_person("curieuse@example.cm", is_student=True)
    client.force_login(other)

    response = client.get("/fr/subscription/")

    assert response.context["subscribed_until"] is None


def test_the_worker_knows_the_reminder_task():
    """Celery autodiscovers tasks.py only: the task must be registered at start-up."""
    script = (
        "import django; django.setup(); from cms.celery import app; "
        "app.loader.import_default_modules(); "
        "print('checkout.subscription_tasks.remind_expiring_subscriptions' in app.tasks, "
        "'checkout.subscription_tasks.send_renewal_reminder' in app.tasks)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
        cwd=settings.BASE_DIR,
    )

    assert result.stdout.split() == ["True", "True"], result.stderr


@pytest.mark.django_db
def test_the_page_query_count_does_not_grow_with_the_courses(client, subscription_site):
    from ..course_pages.builders import make_course

    client.get("/fr/subscription/")  # warm the site-root cache
    with CaptureQueriesContext(connection) as one_course:
        client.get("/fr/subscription/")
    for number in range(3):
        make_course(
            subscription_site["catalogue"],
            subscription_site["included"].instructor,
            title=f"Coiffure {number}",
            slug=f"coiffure-{number}",
            price_xaf=3000,
            included_in_subscription=True,
        )
    page = client.get("/fr/subscription/").content.decode()  # publishing emptied the caches
    with CaptureQueriesContext(connection) as four_courses:
        client.get("/fr/subscription/")

    assert "Coiffure 2" in page
    assert len(four_courses) == len(one_course)
