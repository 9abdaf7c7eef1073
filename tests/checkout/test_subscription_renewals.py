"""Subscriptions that renew by Mobile Money: consent at purchase, the daily request to the
saved number through the sandbox provider, one retry, the grace days, the lapse, turning
it off, and who sees what. Days pass by moving the dates back, as the reminders do."""

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from checkout import renewals, services
from checkout.models import (
    Order,
    Payment,
    RenewalAttempt,
    SandboxCharge,
    Subscription,
)
from checkout.renewal_tasks import renew_due_subscriptions
from checkout.subscription_tasks import remind_expiring_subscriptions
from checkout.subscriptions import has_active_subscription
from notifications.models import Notification

from ..conftest import make_person
from .conftest import pay_order

# A sandbox number that waits for someone to press Approve or Reject on the pretend phone.
PHONE = "+237670000099"
SUBSCRIPTION_PAGE = "/fr/subscription/"


def subscribe(user, *, consent=True, phone=PHONE, ends_in=timedelta(days=2, hours=12)):
    """A paid monthly subscription (consent ticked or not) that ends in ``ends_in``."""
    order = services.create_order(user=user, item_type="subscription", item_id="monthly")
    renewals.record_consent(order=order, given=consent)
    payment = services.start_payment(order=order, provider_name="sandbox", phone=phone)
    SandboxCharge.objects.filter(reference=payment.reference).update(
        status=SandboxCharge.Status.APPROVED
    )
    services.poll_payment(payment=payment)
    subscription = Subscription.objects.get(order=order)
    ends_at = timezone.now() + ends_in
    Subscription.objects.filter(pk=subscription.pk).update(
        starts_at=ends_at - timedelta(days=30), ends_at=ends_at
    )
    subscription.refresh_from_db()
    return subscription


def a_day_passes(subscription):
    """Yesterday's run happened a day earlier; the end is a day closer."""
    Subscription.objects.filter(pk=subscription.pk).update(
        ends_at=subscription.ends_at - timedelta(days=1),
        starts_at=subscription.starts_at - timedelta(days=1),
    )
    for attempt in RenewalAttempt.objects.filter(subscription=subscription).order_by("day"):
        RenewalAttempt.objects.filter(pk=attempt.pk).update(day=attempt.day - timedelta(days=1))
    subscription.refresh_from_db()


def answer_on_the_phone(payment, answer):
    """Press Approve or Reject on the sandbox's pretend phone (no login: it is the phone)."""
    response = Client().post(
        reverse("checkout:sandbox_phone", args=[payment.reference]), {"answer": answer}
    )
    assert response.status_code == 302


def kinds_told(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


@pytest.fixture
def carine(subscription_site):
    return subscription_site["student"]


@pytest.fixture
def other_student(db):
    return make_person("awa.autre@example.cm", is_student=True, phone="+237677990011")


# --- Consent at purchase -------------------------------------------------------------------------


@pytest.mark.django_db
def test_ticking_renewal_on_the_pay_form_saves_consent_and_the_paying_number(client, carine):
    client.force_login(carine)
    buy_url = reverse("checkout:buy", args=["subscription", "monthly"])
    form = client.get(buy_url)
    assert "Renouveler automatiquement depuis ce numéro" in form.content.decode()

    response = client.post(
        buy_url,
        {
            "token": form.context["form"].initial["token"],
            "method": "sandbox",
            "phone": "6 70 00 00 99",
            "renew_automatically": "on",
        },
    )
    payment = Payment.objects.get(order__user=carine)
    assert response.status_code == 302
    answer_on_the_phone(payment, "approve")

    subscription = Subscription.objects.get(user=carine)
    assert subscription.renews_automatically
    assert subscription.renewal_phone == "+237670000099"
    assert subscription.renewal_provider == Payment.Provider.SANDBOX
    assert subscription.renewal_consent_at is not None


@pytest.mark.django_db
def test_without_the_box_ticked_the_subscription_does_not_renew(carine):
    subscription = subscribe(carine, consent=False)

    assert not subscription.renews_automatically
    assert subscription.renewal_phone == ""
    assert renew_due_subscriptions() == 0
    assert not RenewalAttempt.objects.exists()


@pytest.mark.django_db
def test_renewal_by_card_is_refused_with_a_clear_error_and_nothing_is_ordered(
    client, carine, settings
):
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "stripe": "checkout.providers.stripe.StripeProvider",
    }
    client.force_login(carine)
    buy_url = reverse("checkout:buy", args=["subscription", "monthly"])
    form = client.get(buy_url)

    response = client.post(
        buy_url,
        {
            "token": form.context["form"].initial["token"],
            "method": "stripe",
            "renew_automatically": "on",
        },
    )

    assert response.status_code == 200
    assert "fonctionne uniquement avec MTN Mobile Money et Orange Money" in (
        response.content.decode()
    )
    assert not Order.objects.filter(user=carine).exists()


@pytest.mark.django_db
def test_the_consent_box_is_offered_for_subscriptions_only(client, paid_course, carine):
    client.force_login(carine)

    course_form = client.get(reverse("checkout:buy", args=["course", paid_course.pk]))

    assert "renew_automatically" not in course_form.context["form"].fields


# --- The daily run, end to end through the sandbox ---------------------------------------------


@pytest.mark.django_db
def test_three_days_before_the_end_the_phone_is_asked_and_approving_extends_the_period(carine):
    subscription = subscribe(carine)
    end = subscription.ends_at

    assert renew_due_subscriptions() == 1

    attempt = RenewalAttempt.objects.get(subscription=subscription)
    assert attempt.number == 1
    assert attempt.outcome == RenewalAttempt.Outcome.REQUESTED
    assert attempt.order.status == Order.Status.PENDING
    assert attempt.order.amount_xaf == 5000
    assert attempt.payment.phone == PHONE
    assert attempt.payment.provider == Payment.Provider.SANDBOX
    assert SandboxCharge.objects.get(reference=attempt.payment.reference).amount_xaf == 5000
    assert "subscription_renewal_requested" in kinds_told(carine)

    answer_on_the_phone(attempt.payment, "approve")

    renewed = Subscription.objects.get(order=attempt.order)
    assert renewed.starts_at == end
    assert renewed.ends_at == end + timedelta(days=30)
    # The consent carries on to the new period, with the same number.
    assert renewed.renews_automatically
    assert renewed.renewal_phone == PHONE
    attempt.refresh_from_db()
    assert attempt.outcome == RenewalAttempt.Outcome.PAID


@pytest.mark.django_db
def test_news_of_the_renewal_payment_twice_extends_the_period_once(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get(subscription=subscription)
    answer_on_the_phone(attempt.payment, "approve")

    services.poll_payment(payment=attempt.payment)
    services.poll_payment(payment=attempt.payment)

    assert Subscription.objects.filter(user=carine).count() == 2
    assert Subscription.objects.filter(order=attempt.order).count() == 1


@pytest.mark.django_db
def test_a_declined_request_is_sent_once_more_the_next_day_and_no_more(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    first = RenewalAttempt.objects.get(subscription=subscription)
    answer_on_the_phone(first.payment, "reject")

    a_day_passes(subscription)
    assert renew_due_subscriptions() == 1

    first.refresh_from_db()
    assert first.outcome == RenewalAttempt.Outcome.DECLINED
    second = RenewalAttempt.objects.get(subscription=subscription, number=2)
    assert second.payment.phone == PHONE
    assert second.payment.status == Payment.Status.PENDING
    answer_on_the_phone(second.payment, "reject")

    a_day_passes(subscription)
    assert renew_due_subscriptions() == 0

    second.refresh_from_db()
    assert second.outcome == RenewalAttempt.Outcome.DECLINED
    assert RenewalAttempt.objects.filter(subscription=subscription).count() == 2
    assert SandboxCharge.objects.filter(phone=PHONE).count() == 3  # the purchase and two asks
    assert kinds_told(carine).count("subscription_renewal_failed") == 2


@pytest.mark.django_db
def test_an_unanswered_request_is_sent_once_more_the_next_day(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    first = RenewalAttempt.objects.get(subscription=subscription)
    services.expire_overdue_payments(now=timezone.now() + timedelta(hours=1))

    a_day_passes(subscription)
    renew_due_subscriptions()

    first.refresh_from_db()
    assert first.outcome == RenewalAttempt.Outcome.UNANSWERED
    assert RenewalAttempt.objects.get(subscription=subscription, number=2).payment is not None


@pytest.mark.django_db
def test_a_number_the_network_refuses_is_recorded_as_not_sent_and_told(carine):
    from checkout.providers.sandbox import REJECT

    subscription = subscribe(carine)
    Subscription.objects.filter(pk=subscription.pk).update(renewal_phone=REJECT)

    renew_due_subscriptions()

    attempt = RenewalAttempt.objects.get(subscription=subscription)
    assert attempt.outcome == RenewalAttempt.Outcome.NOT_SENT
    assert attempt.payment.status == Payment.Status.FAILED
    assert "subscription_renewal_failed" in kinds_told(carine)


# --- Grace days and the lapse --------------------------------------------------------------------


@pytest.mark.django_db
def test_access_is_kept_three_days_past_the_end_while_the_renewal_is_in_progress(
    client, subscription_site, carine
):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    subscription.refresh_from_db()
    assert subscription.grace_until == subscription.ends_at + timedelta(days=3)
    Subscription.objects.filter(pk=subscription.pk).update(
        ends_at=timezone.now() - timedelta(days=1), grace_until=timezone.now() + timedelta(days=2)
    )
    client.force_login(carine)

    assert has_active_subscription(carine)
    assert client.get(subscription_site["included_lesson"].url).status_code == 200
    page = client.get(SUBSCRIPTION_PAGE).content.decode()
    assert "restent ouverts jusqu’au" in page or "restent ouverts jusqu'au" in page


@pytest.mark.django_db
def test_after_the_grace_days_the_subscription_lapses_and_the_person_is_told_once(
    client, subscription_site, carine
):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    Subscription.objects.filter(pk=subscription.pk).update(
        ends_at=timezone.now() - timedelta(days=3, minutes=1),
        grace_until=timezone.now() - timedelta(minutes=1),
    )

    renew_due_subscriptions()
    renew_due_subscriptions()

    subscription.refresh_from_db()
    assert subscription.lapsed_at is not None
    assert not has_active_subscription(carine)
    assert kinds_told(carine).count("subscription_lapsed") == 1
    client.force_login(carine)
    assert client.get(subscription_site["included_lesson"].url).status_code == 403


@pytest.mark.django_db
def test_paid_in_the_grace_days_the_new_period_starts_at_the_old_end(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get(subscription=subscription)
    old_end = timezone.now() - timedelta(days=1)
    Subscription.objects.filter(pk=subscription.pk).update(
        ends_at=old_end, grace_until=old_end + timedelta(days=3)
    )

    answer_on_the_phone(attempt.payment, "approve")

    renewed = Subscription.objects.get(order=attempt.order)
    assert renewed.starts_at == old_end
    assert renewed.ends_at == old_end + timedelta(days=30)
    subscription.refresh_from_db()
    assert subscription.grace_until is None


@pytest.mark.django_db
def test_a_subscription_without_consent_ends_without_grace(carine):
    subscription = subscribe(carine, consent=False, ends_in=-timedelta(minutes=1))

    assert not has_active_subscription(carine)
    assert subscription.grace_until is None


# --- Bad input: nothing is sent ------------------------------------------------------------------


def nothing_was_sent(subscription):
    assert not RenewalAttempt.objects.filter(subscription=subscription).exists()
    assert Order.objects.filter(user=subscription.user).count() == 1  # the purchase only
    assert SandboxCharge.objects.filter(phone=subscription.renewal_phone or PHONE).count() == 1


@pytest.mark.django_db
def test_a_revoked_subscription_is_not_renewed(carine):
    subscription = subscribe(carine)
    Subscription.objects.filter(pk=subscription.pk).update(revoked=True)

    assert renew_due_subscriptions() == 0
    assert renewals.request_renewal(subscription_id=subscription.pk) is None

    nothing_was_sent(subscription)


@pytest.mark.django_db
def test_a_subscription_whose_consent_is_off_is_not_renewed(carine):
    subscription = subscribe(carine)
    renewals.turn_off_renewal(user=carine, subscription_id=subscription.pk)

    assert renew_due_subscriptions() == 0
    assert renewals.request_renewal(subscription_id=subscription.pk) is None

    nothing_was_sent(subscription)


@pytest.mark.django_db
def test_a_subscription_already_renewed_by_hand_is_not_asked(carine):
    subscription = subscribe(carine)
    pay_order(services.create_order(user=carine, item_type="subscription", item_id="monthly"))

    assert renew_due_subscriptions() == 0
    assert not RenewalAttempt.objects.filter(subscription=subscription).exists()


@pytest.mark.django_db
def test_a_second_run_the_same_day_sends_no_second_request(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get(subscription=subscription)
    answer_on_the_phone(attempt.payment, "reject")  # even once declined: tomorrow, not now

    assert renew_due_subscriptions() == 0
    assert renewals.request_renewal(subscription_id=subscription.pk) is None

    assert RenewalAttempt.objects.filter(subscription=subscription).count() == 1
    assert Payment.objects.filter(order=attempt.order).count() == 1
    assert kinds_told(carine).count("subscription_renewal_requested") == 1


@pytest.mark.django_db
def test_the_database_refuses_two_attempts_the_same_day(carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get(subscription=subscription)

    with pytest.raises(IntegrityError), transaction.atomic():
        RenewalAttempt.objects.create(subscription=subscription, number=2, day=attempt.day)

    assert RenewalAttempt.objects.filter(subscription=subscription).count() == 1


@pytest.mark.django_db
def test_a_subscription_asked_on_the_phone_gets_no_pay_by_link_reminder(carine):
    subscribe(carine)

    assert remind_expiring_subscriptions() == 0
    assert "subscription_ending" not in kinds_told(carine)


# --- Turning it off, role by role --------------------------------------------------------------


def turn_off_url(subscription):
    return f"/fr/subscription/{subscription.pk}/renewal/off/"


@pytest.mark.django_db
def test_the_student_turns_renewal_off_in_one_tap_and_it_is_confirmed(client, carine):
    subscription = subscribe(carine)
    client.force_login(carine)

    response = client.post(turn_off_url(subscription), follow=True)

    assert response.redirect_chain[-1][0] == SUBSCRIPTION_PAGE
    assert "Le renouvellement automatique est désactivé" in response.content.decode()
    subscription.refresh_from_db()
    assert not subscription.renews_automatically
    assert renew_due_subscriptions() == 0


@pytest.mark.django_db
def test_turning_off_needs_the_csrf_token(carine):
    subscription = subscribe(carine)
    client = Client(enforce_csrf_checks=True)
    client.force_login(carine)

    response = client.post(turn_off_url(subscription))

    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.renews_automatically


@pytest.mark.django_db
def test_turning_off_is_a_post_only(client, carine):
    subscription = subscribe(carine)
    client.force_login(carine)

    assert client.get(turn_off_url(subscription)).status_code == 405
    subscription.refresh_from_db()
    assert subscription.renews_automatically


@pytest.mark.django_db
def test_another_student_cannot_turn_off_someone_elses_renewal(client, carine, other_student):
    subscription = subscribe(carine)
    client.force_login(other_student)

    assert client.post(turn_off_url(subscription)).status_code == 404

    subscription.refresh_from_db()
    assert subscription.renews_automatically


@pytest.mark.django_db
def test_anonymous_cannot_turn_off_a_renewal(client, carine):
    subscription = subscribe(carine)

    response = client.post(turn_off_url(subscription))

    assert response.status_code == 302
    assert "/login/" in response.url
    subscription.refresh_from_db()
    assert subscription.renews_automatically


# --- What each person sees ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_student_sees_each_attempt_and_its_outcome_on_her_subscription_page(client, carine):
    subscription = subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get(subscription=subscription)
    answer_on_the_phone(attempt.payment, "reject")
    client.force_login(carine)

    response = client.get(SUBSCRIPTION_PAGE)

    page = response.content.decode()
    assert "Renouvellement automatique" in page
    assert "6 70 00 00 99" in page or PHONE in page
    assert attempt.order.number in page
    assert "Refusé" in page
    assert "Désactiver le renouvellement automatique" in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_another_student_sees_none_of_her_attempts(client, carine, other_student):
    subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get()
    client.force_login(other_student)

    page = client.get(SUBSCRIPTION_PAGE).content.decode()

    assert attempt.order.number not in page
    assert PHONE not in page
    assert "Désactiver le renouvellement automatique" not in page


@pytest.mark.django_db
def test_anonymous_sees_the_plans_and_no_renewal(client, carine):
    subscribe(carine)
    renew_due_subscriptions()

    page = client.get(SUBSCRIPTION_PAGE).content.decode()

    assert RenewalAttempt.objects.get().order.number not in page
    assert "Renouvellement automatique" not in page


@pytest.mark.django_db
def test_moderators_read_renewal_attempts_in_the_admin_and_students_cannot(
    client, carine, moderator
):
    subscribe(carine)
    renew_due_subscriptions()
    attempt = RenewalAttempt.objects.get()
    listing = reverse("checkout_renewal_attempts:index")

    client.force_login(moderator)
    response = client.get(listing)
    assert response.status_code == 200
    assert carine.email in response.content.decode()
    assert "En attente de validation sur le téléphone" in response.content.decode()
    assert attempt.order.number in response.content.decode()
    detail = client.get(reverse("checkout_renewal_attempts:inspect", args=[attempt.pk]))
    assert detail.status_code == 200
    assert attempt.order.number in detail.content.decode()
    assert not re.search(r">\s*None\s*<", detail.content.decode())

    client.force_login(carine)
    assert client.get(listing).status_code in (302, 403)


# --- Told in the person's language ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_person_is_told_in_french_or_english(subscription_site, carine):
    peter = subscription_site["english"]
    subscribe(carine)
    subscribe(peter, phone="+237670000098")

    with translation.override("fr"):
        renew_due_subscriptions()

    french = Notification.objects.get(user=carine, kind="subscription_renewal_requested")
    english = Notification.objects.get(user=peter, kind="subscription_renewal_requested")
    assert french.title == "Approuvez le renouvellement de votre abonnement sur votre téléphone"
    assert english.title == "Approve the renewal of your subscription on your phone"


# --- MTN MoMo and Orange Money, against the fake server of their APIs ---------------------------


def subscribe_by(user, provider, phone):
    """Bought through the real provider backend, consent ticked, ending in 2½ days."""
    order = services.create_order(user=user, item_type="subscription", item_id="monthly")
    renewals.record_consent(order=order, given=True)
    payment = services.start_payment(order=order, provider_name=provider, phone=phone)
    services.poll_payment(payment=payment)
    subscription = Subscription.objects.get(order=order)
    ends_at = timezone.now() + timedelta(days=2, hours=12)
    Subscription.objects.filter(pk=subscription.pk).update(
        starts_at=ends_at - timedelta(days=30), ends_at=ends_at
    )
    subscription.refresh_from_db()
    return subscription


@pytest.mark.django_db
def test_an_mtn_subscriber_is_asked_on_her_momo_number_and_renewed(mobile_money, carine):
    subscription = subscribe_by(carine, "mtn_momo", "+237677123456")
    assert subscription.renewal_provider == Payment.Provider.MTN_MOMO
    assert subscription.renewal_phone == "+237677123456"
    asked_before = len(mobile_money.requests_to("POST", "/collection/v1_0/requesttopay"))

    renew_due_subscriptions()

    attempt = RenewalAttempt.objects.get(subscription=subscription)
    asks = mobile_money.requests_to("POST", "/collection/v1_0/requesttopay")
    assert len(asks) == asked_before + 1
    assert asks[-1].json["payer"]["partyId"] == "237677123456"
    assert asks[-1].json["amount"] == "5000"
    services.poll_payment(payment=attempt.payment)
    renewed = Subscription.objects.get(order=attempt.order)
    assert renewed.starts_at == subscription.ends_at
    assert renewed.renewal_provider == Payment.Provider.MTN_MOMO


@pytest.mark.django_db
def test_an_orange_subscriber_who_refuses_is_asked_once_more_the_next_day(mobile_money, carine):
    subscription = subscribe_by(carine, "orange_money", "+237699123456")
    # She refuses on her phone this time (the fake's number for "the customer refused").
    Subscription.objects.filter(pk=subscription.pk).update(renewal_phone="+237699000001")
    renew_due_subscriptions()
    first = RenewalAttempt.objects.get(subscription=subscription)
    services.poll_payment(payment=first.payment)
    first.payment.refresh_from_db()
    assert first.payment.status == Payment.Status.FAILED

    a_day_passes(subscription)
    renew_due_subscriptions()

    first.refresh_from_db()
    assert first.outcome == RenewalAttempt.Outcome.DECLINED
    second = RenewalAttempt.objects.get(subscription=subscription, number=2)
    assert second.payment.provider == Payment.Provider.ORANGE_MONEY
    assert not Subscription.objects.filter(order=second.order).exists()


def test_beat_asks_for_renewals_once_a_day_in_daytime(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["renew-subscriptions-by-mobile-money"]

    assert entry["task"] == "checkout.renewal_tasks.renew_due_subscriptions"
    assert entry["schedule"].hour == {9}
