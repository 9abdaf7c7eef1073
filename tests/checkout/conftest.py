"""Checkout fixtures. Each block below belongs to the tests that use it; add yours at the end."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.models import MODERATORS_GROUP, User

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..enrolment.conftest import course_site, enrolled  # noqa: F401 (shared fixtures)
from ..loopback_server import CLIENT_TIMEOUT
from ..shared_build import built_once_per_module

# --- Sales, refunds and payouts (test_refunds, test_receipts, test_reports, test_ledger).


def build_sales_site():
    """Two instructors, each with one paid course, and two students with phones."""
    site = build_site()
    awa, awa_page = make_instructor(
        "awa.tresses@example.cm", index=site["instructors"], title="Awa"
    )
    awa.first_name, awa.last_name, awa.phone = "Awa", "Ndongo", "+237677001122"
    awa.save(update_fields=["first_name", "last_name", "phone"])
    grace, grace_page = make_instructor(
        "grace.ongles@example.cm", index=site["instructors"], title="Grace"
    )
    braids = make_course(
        site["catalogue"], awa_page, title="Tresses africaines", slug="tresses", price_xaf=5000
    )
    nails = make_course(
        site["catalogue"], grace_page, title="Ongles en gel", slug="ongles", price_xaf=8000
    )
    nadia = make_person(
        "nadia.eleve@example.cm",
        first_name="Nadia",
        last_name="Mbarga",
        is_student=True,
        phone="+237677334455",
    )
    john = make_person(
        "john.student@example.cm",
        first_name="John",
        last_name="Tabi",
        is_student=True,
        preferred_language=User.Language.ENGLISH,
    )
    return {
        **site,
        "awa": awa,
        "grace": grace,
        "braids": braids,
        "nails": nails,
        "nadia": nadia,
        "john": john,
    }


sales_site = built_once_per_module(build_sales_site, "sales_site")


def buy_course(user, course, *, coupon_code=""):
    """A paid order, the way the sandbox phone pays it: approve, then a status check."""
    from checkout import services
    from checkout.models import SandboxCharge
    from checkout.providers.sandbox import AUTO_APPROVE

    order = services.create_order(
        user=user, item_type="course", item_id=course.pk, coupon_code=coupon_code
    )
    payment = services.start_payment(order=order, provider_name="sandbox", phone=AUTO_APPROVE)
    SandboxCharge.objects.filter(reference=payment.reference).update(
        status=SandboxCharge.Status.APPROVED
    )
    services.poll_payment(payment=payment)
    order.refresh_from_db()
    return order


@pytest.fixture
def orders_moderator(db):
    """A Moderators-group user, with the order permissions a data migration will give
    the group (until then, granted here)."""
    group = Group.objects.get(name=MODERATORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="checkout",
            codename__in=["view_order", "change_order", "view_payment", "change_payment"],
        )
    )
    return make_person("refunds.moderator@example.cm", groups=[MODERATORS_GROUP])


@pytest.fixture
def orders_superuser(db):
    return User.objects.create_superuser(
        email="root.admin@example.cm", password="x", first_name="Root", last_name="Admin"
    )


# --- Subscriptions and coupons (test_subscriptions, test_coupons).


def build_subscription_site():
    """One paid course included in the subscription, one paid course that is not,
    a subscriber-to-be with a phone and an English-speaking student without one."""

    site = build_site()
    mireille, mireille_page = make_instructor(
        "mireille.maquillage@example.cm", index=site["instructors"], title="Mireille"
    )
    included = make_course(
        site["catalogue"],
        mireille_page,
        title="Maquillage de soirée",
        slug="soiree",
        price_xaf=7000,
        included_in_subscription=True,
    )
    included_lesson = make_lesson(
        included, title="Le regard", slug="regard", body=[("paragraph", "<p>Smoky eyes</p>")]
    )
    excluded = make_course(
        site["catalogue"], mireille_page, title="Perruques", slug="perruques", price_xaf=9000
    )
    excluded_lesson = make_lesson(
        excluded, title="Poser une perruque", slug="poser", body=[("paragraph", "<p>Lace</p>")]
    )
    student = make_person(
        "carine.abonnee@example.cm",
        first_name="Carine",
        last_name="Ngo",
        is_student=True,
        phone="+237677556677",
    )
    english = make_person(
        "peter.subscriber@example.cm",
        first_name="Peter",
        last_name="Fru",
        is_student=True,
        preferred_language=User.Language.ENGLISH,
    )
    return {
        **site,
        "mireille": mireille,
        "included": included,
        "included_lesson": included_lesson,
        "excluded": excluded,
        "excluded_lesson": excluded_lesson,
        "student": student,
        "english": english,
    }


subscription_site = built_once_per_module(build_subscription_site, "subscription_site")


def pay_order(order):
    """Pay an order the way the sandbox phone does: approve, then a status check."""
    from checkout import services
    from checkout.models import SandboxCharge

    payment = services.start_payment(order=order, provider_name="sandbox", phone="+237670000099")
    SandboxCharge.objects.filter(reference=payment.reference).update(
        status=SandboxCharge.Status.APPROVED
    )
    services.poll_payment(payment=payment)
    order.refresh_from_db()
    return order


def buy_subscription(user, plan="monthly", *, coupon_code=""):
    from checkout import services

    order = services.create_order(
        user=user, item_type="subscription", item_id=plan, coupon_code=coupon_code
    )
    return pay_order(order)


# --- Stripe (test_stripe): a fake Stripe API over real HTTP, and the settings to reach it.


@pytest.fixture
def fake_stripe(settings):
    from .fake_stripe import API_KEY, WEBHOOK_SECRET, FakeStripe

    server = FakeStripe().start()
    settings.STRIPE_SECRET_KEY = API_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = server.url
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    settings.CHECKOUT_HTTP_TIMEOUT = CLIENT_TIMEOUT
    settings.CHECKOUT_PUBLIC_BASE_URL = "https://academy.example.cm"
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "stripe": "checkout.providers.stripe.StripeProvider",
    }
    yield server
    server.stop()


# --- MTN MoMo and Orange Money (test_mtn_momo, test_orange_money): a fake of both APIs
# over real HTTP, the settings to reach it, and payments to send it.


@pytest.fixture
def mobile_money(settings):
    from . import fake_mobile_money as fake

    server = fake.FakeMobileMoney().start()
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "mtn_momo": "checkout.providers.mtn_momo.provider.MtnMomoProvider",
        "orange_money": "checkout.providers.orange_money.provider.OrangeMoneyProvider",
    }
    settings.CHECKOUT_HTTP_TIMEOUT = CLIENT_TIMEOUT
    settings.CHECKOUT_PUBLIC_BASE_URL = "https://academy.example.cm"
    settings.MTN_MOMO_BASE_URL = server.url
    settings.MTN_MOMO_SUBSCRIPTION_KEY = fake.MTN_SUBSCRIPTION_KEY
    settings.MTN_MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = fake.MTN_DISBURSEMENT_SUBSCRIPTION_KEY
    settings.MTN_MOMO_API_USER = fake.MTN_API_USER
    settings.MTN_MOMO_API_KEY = fake.MTN_API_KEY
    settings.MTN_MOMO_DISBURSEMENT_API_USER = fake.MTN_DISBURSEMENT_API_USER
    settings.MTN_MOMO_DISBURSEMENT_API_KEY = fake.MTN_DISBURSEMENT_API_KEY
    settings.MTN_MOMO_TARGET_ENVIRONMENT = fake.MTN_TARGET_ENVIRONMENT
    settings.MTN_MOMO_CURRENCY = "XAF"
    settings.ORANGE_MONEY_BASE_URL = server.url
    settings.ORANGE_MONEY_CLIENT_ID = fake.ORANGE_CLIENT_ID
    settings.ORANGE_MONEY_CLIENT_SECRET = fake.ORANGE_CLIENT_SECRET
    settings.ORANGE_MONEY_X_AUTH_TOKEN = fake.ORANGE_X_AUTH_TOKEN
    settings.ORANGE_MONEY_MERCHANT_MSISDN = fake.ORANGE_MERCHANT_MSISDN
    settings.ORANGE_MONEY_MERCHANT_PIN = fake.ORANGE_MERCHANT_PIN
    yield server
    server.stop()


@pytest.fixture
def mobile_money_buyer(db):
    return make_person("momo.buyer@example.cm", is_student=True, phone="+237677123456")


@pytest.fixture
def make_mobile_money_payment(mobile_money_buyer):
    """A pending Payment (and its Order) for a provider and phone, as start_payment
    would have made it just before calling the provider."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from checkout.models import Order, Payment

    def make(*, provider, phone, amount_xaf=5000, item_type="test"):
        order = Order.objects.create(
            user=mobile_money_buyer,
            item_type=item_type,
            item_id="1",
            description="Tresses africaines",
            list_price_xaf=amount_xaf,
            amount_xaf=amount_xaf,
        )
        return Payment.objects.create(
            order=order,
            provider=provider,
            reference=uuid.uuid4(),
            phone=phone,
            amount_xaf=amount_xaf,
            expires_at=timezone.now() + timedelta(minutes=10),
        )

    return make


@pytest.fixture
def recording_fulfiller():
    """A fulfiller for item type "test-item" that only records what it was asked."""
    from checkout.purchasables import Fulfiller, Offer, register

    class RecordingFulfiller(Fulfiller):
        item_type = "test-item"

        def __init__(self):
            self.paid, self.refunded = [], []

        def offer(self, *, item_id, user):
            return Offer(description=f"Test item {item_id}", price_xaf=5000)

        def on_paid(self, *, order):
            self.paid.append(order.pk)

        def on_refunded(self, *, order, amount_xaf):
            self.refunded.append((order.pk, amount_xaf))

    return register(RecordingFulfiller())


# --- A paid course with one lesson (test_course_purchase, test_duplicate_payments).


@pytest.fixture
def paid_course(course_site):  # noqa: F811 (course_site is imported above)
    course = make_course(
        course_site["catalogue"],
        course_site["course"].instructor,
        title="Mariée pro",
        slug="mariee-pro",
        price_xaf=5000,
    )
    make_lesson(course, title="Teint", slug="teint")
    return course


# --- Refunds that settle (test_refunds_settle*): paid orders on a mobile-money provider.


@pytest.fixture
def paid_by(mobile_money, mobile_money_buyer, recording_fulfiller, orders_moderator):
    """paid_by(provider, phone): a paid order of 5000 FCFA for the recording fulfiller's
    item, through the services, against the fake mobile-money server."""
    from checkout import services

    def pay(provider, phone):
        order = services.create_order(user=mobile_money_buyer, item_type="test-item", item_id="1")
        payment = services.start_payment(order=order, provider_name=provider, phone=phone)
        services.poll_payment(payment=payment)
        payment.refresh_from_db()
        assert payment.status == "paid"
        return payment

    return pay


# --- Campay (test_campay): a fake of its API over real HTTP, and the settings to reach it.


@pytest.fixture
def campay(settings):
    from . import fake_campay as fake

    server = fake.FakeCampay().start()
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "campay": "checkout.providers.campay.provider.CampayProvider",
    }
    settings.CHECKOUT_HTTP_TIMEOUT = CLIENT_TIMEOUT
    settings.CAMPAY_BASE_URL = server.url
    settings.CAMPAY_USERNAME = fake.USERNAME
    settings.CAMPAY_PASSWORD = fake.PASSWORD
    settings.CAMPAY_WEBHOOK_KEY = fake.WEBHOOK_KEY
    yield server
    server.stop()


# --- Payments by code (test_manual_codes, bench test_statement_import).


@pytest.fixture
def manual_codes_on(settings):
    settings.CHECKOUT_PROVIDERS = {
        **settings.CHECKOUT_PROVIDERS,
        "manual": "checkout.providers.manual.ManualCodeProvider",
    }
    settings.CHECKOUT_MANUAL_MERCHANT_NUMBER = "+237 6 99 00 00 00"
    settings.CHECKOUT_MANUAL_CODE_HOURS = 24
    return settings
