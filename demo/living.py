"""The living academy: after the pages, people use the site. Students pay for courses
through the sandbox (MTN MoMo and Orange Money numbers), one subscribes (renewing from
her number, due in a few days), coupons are used or expired, quizzes are passed and
failed, practice work is reviewed by classmates and decided on by the instructor, clients review appointments that happened, people
write to each other, study groups in Douala, Yaoundé and Bafoussam share tips,
suppliers and practice sessions, students ask and answer in the forums, enter, vote on
and win photo challenges, register for live sessions and follow instructors and
professionals, and certified professionals mentor beginners.
Everything goes through the apps' own services, in a fixed order, with dates relative
to today. Professionals certified by our own courses come from home.demo.load_showcase.
Loaded once: a second call finds the welcome coupon and changes nothing."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from checkout.models import Coupon, Payment, Subscription
from checkout.providers.sandbox import REFUNDS_BY_HAND
from checkout.refunds import refund_payment
from course_pages.models import CoursePage, LessonPage
from demo.loaders.people import DEMO_PASSWORD, demo_password_hash
from directory.models import ProfessionalPage
from enrolment.prerequisites import waive_prerequisite
from enrolment.services import enrol_free, enrol_with_subscription

from . import (
    living_challenges,
    living_follows,
    living_forums,
    living_groups,
    living_live,
    living_mentorship,
    living_messages,
)
from . import living_learning as learning
from .living_bookings import completed_and_reviewed
from .living_payments import pay, phone_of, waiting_for_confirmation

# (e-mail, first name, last name, extra fields, phone network, phone number)
STUDENTS = [
    ("nadia@demo.bsa", "Nadia", "Mbarga", {"town": "Douala", "region": "LT"}, "mtn", 1),
    (
        "john@demo.bsa",
        "John",
        "Tabi",
        {"town": "Buea", "region": "SW", "preferred_language": "en"},
        "orange",
        2,
    ),
    ("carine@demo.bsa", "Carine", "Eyenga", {"town": "Yaoundé", "region": "CE"}, "orange", 3),
]


def logins():
    """(role, e-mail, password) of the living demo's students, printed by load_demo."""
    return [("student", email, DEMO_PASSWORD) for email, *_ in STUDENTS]


WELCOME, EXPIRED, ONE_USE = "BIENVENUE20", "SOLDES15", "MERCI1000"
# Within the three days before the end when renewal requests go out.
RENEWAL_DUE_IN = timedelta(days=2, hours=12)
# Practice work: the free braiding course, whose lesson has a quiz and an assignment.
PRACTICE_COURSE, PRACTICE_LESSON = "tresses-africaines-les-bases", "quiz-et-premier-exercice"
NOTES = {
    "fr": "Voici mes tresses, faites sur ma cousine. Les raies du milieu sont-elles droites ?",
    "en": "Here are my braids, done on my cousin. Are the middle partings straight?",
}
PEER_COMMENTS = {
    "fr": "Les tresses sont régulières ; serre un peu moins près des tempes.",
    "en": "Neat, even braids; keep the tension lighter near the temples.",
}


def load():
    if Coupon.objects.filter(code=WELCOME).exists():
        return
    people = _people()
    _coupons()
    _course_orders(people)
    _payment_by_code(people["nadia"])
    _refund_waiting_for_staff(people["john"])
    _subscription(people["carine"])
    _practice_work(people)
    _bookings(people)
    living_messages.load()
    living_groups.load()
    living_forums.load()
    living_challenges.load()
    living_follows.load()
    living_mentorship.load()
    living_live.load()


def _people():
    people = {
        "linda": User.objects.get(email="student@demo.bsa"),
        "brice": User.objects.get(email="client@demo.bsa"),
    }
    for email, first, last, extra, network, number in STUDENTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "is_student": True, **extra},
        )
        if created:
            user.phone = phone_of(network, number)
            user.password = demo_password_hash()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        people[first.lower()] = user
    return people


def _coupons():
    now = timezone.now()
    for code, kind, value, extra in [
        (WELCOME, Coupon.Kind.PERCENT, 20, {"expires_at": now + timedelta(days=60)}),
        (EXPIRED, Coupon.Kind.PERCENT, 15, {"expires_at": now - timedelta(days=30)}),
        (ONE_USE, Coupon.Kind.FIXED, 1000, {"max_uses": 1}),
    ]:
        coupon = Coupon(code=code, kind=kind, value=value, **extra)
        coupon.full_clean()
        coupon.save()


def _course(slug):
    return CoursePage.objects.get(locale=Locale.get_default(), slug=slug)


def _lesson(course, slug):
    return LessonPage.objects.child_of(course).get(slug=slug).specific


def _course_orders(people):
    """Paid courses, coupons used on two of them, and a quiz attempt or two in each."""
    linda, nadia, john = people["linda"], people["nadia"], people["john"]
    day_makeup = _course("maquillage-de-jour-pour-peaux-noires")
    pay(
        user=linda,
        item_type="course",
        item_id=day_makeup.pk,
        phone=phone_of("mtn", 4),
        coupon_code=WELCOME,
    )
    prices = _course("fixer-ses-prix-et-trouver-ses-clientes")
    pay(user=linda, item_type="course", item_id=prices.pk, phone=phone_of("orange", 4))
    twists = _course("vanilles-et-twists")
    # Nadia already braids in a salon: Grace waives the basics course for her (the
    # waiver, with its reason, shows in the course's waivers page).
    waive_prerequisite(
        by=twists.instructor.user,
        user=nadia,
        course=twists,
        prerequisite=_course("tresses-africaines-les-bases"),
        reason="Nadia tresse en salon depuis trois ans : les bases sont acquises.",
    )
    pay(
        user=nadia,
        item_type="course",
        item_id=twists.pk,
        phone=str(nadia.phone),
        coupon_code=ONE_USE,
    )
    manicure = _course("manucure-et-beaute-des-mains")
    pay(user=john, item_type="course", item_id=manicure.pk, phone=str(john.phone))

    weekly_quiz = _lesson(day_makeup, "quiz-et-exercice-de-la-semaine")
    learning.take_quiz(user=linda, lesson=weekly_quiz, passing=False)
    learning.take_quiz(user=linda, lesson=weekly_quiz, passing=True)
    learning.take_quiz(user=nadia, lesson=_lesson(twists, "quiz-et-exercice"), passing=False)
    polish = _lesson(manicure, "poser-le-vernis-sans-bavure")
    learning.take_quiz(user=john, lesson=polish, passing=True)


def _payment_by_code(nadia):
    """Nadia paid a course by code while the operators' APIs were down: her claim waits
    for a moderator in the admin's "Payments by code"."""
    prices = _course("fixer-ses-prix-et-trouver-ses-clientes")
    waiting_for_confirmation(
        user=nadia, item_type="course", item_id=prices.pk, transaction_id="MP261201.1043.B77421"
    )


def _refund_waiting_for_staff(john):
    """John paid a course from an Orange Money-like number and asked for his money back:
    the moderator's refund waits in the refund queue, for a transfer by hand."""
    prices = _course("fixer-ses-prix-et-trouver-ses-clientes")
    order = pay(user=john, item_type="course", item_id=prices.pk, phone=REFUNDS_BY_HAND)
    refund_payment(
        payment=order.payments.get(status=Payment.Status.PAID),
        amount_xaf=order.amount_xaf,
        reason="Demande de remboursement dans les 7 jours",
        requested_by=User.objects.get(email="moderator@demo.bsa"),
    )


def _subscription(carine):
    """Carine ticked "renew automatically" and her month ends in two and a half days:
    the next daily renewal run (checkout.renewal_tasks) asks her sandbox phone."""
    order = pay(
        user=carine,
        item_type="subscription",
        item_id=Subscription.Plan.MONTHLY,
        phone=str(carine.phone),
        renew_automatically=True,
    )
    ends_at = timezone.now() + RENEWAL_DUE_IN
    Subscription.objects.filter(order=order).update(
        starts_at=ends_at - timedelta(days=30), ends_at=ends_at
    )
    included = (
        CoursePage.objects.live()
        .filter(locale=Locale.get_default(), included_in_subscription=True)
        .order_by("path")
        .first()
    )
    if included is not None:
        enrol_with_subscription(user=carine, course=included)


def _practice_work(people):
    """Three classmates hand in, each reviews the other two; the instructor accepts
    one, asks for another try on one and has the third still to decide."""
    course = _course(PRACTICE_COURSE)
    lesson = _lesson(course, PRACTICE_LESSON)
    classmates = [people["nadia"], people["john"], people["carine"]]
    submissions = []
    for seed, student in enumerate(classmates):
        enrol_free(user=student, course=course)
        if student is people["john"]:
            learning.take_quiz(user=student, lesson=lesson, passing=False)
        learning.take_quiz(user=student, lesson=lesson, passing=True)
        note = NOTES[student.preferred_language]
        submissions.append(learning.hand_in(user=student, lesson=lesson, note=note, seed=seed))
    for offset in (1, 2):
        for index, reviewer in enumerate(classmates):
            work = submissions[(index + offset) % len(classmates)]
            learning.review(
                reviewer=reviewer,
                submission=work,
                lesson=lesson,
                score=3 + offset,
                comment=PEER_COMMENTS[reviewer.preferred_language],
            )
    learning.decide(
        course=course,
        submission=submissions[0],
        accepted=True,
        comment="Très propre, les raies sont droites. Exercice validé !",
    )
    learning.decide(
        course=course,
        submission=submissions[1],
        accepted=False,
        comment="Good start. Redo the front section with smaller, even parts.",
    )


def _bookings(people):
    for client, slug, days_ago, rating, text in [
        (people["brice"], "pro-02", 6, 5, "Travail impeccable et de bon conseil. Je reviendrai !"),
        (people["linda"], "pro-03", 10, 4, "Très belles tresses, un peu d'attente au début."),
        (people["john"], "pro-04", 14, 5, "Friendly, on time, and the result still looks great."),
    ]:
        professional = ProfessionalPage.objects.get(locale=Locale.get_default(), slug=slug)
        completed_and_reviewed(
            client=client,
            professional=professional,
            phone=str(client.phone) if client.phone else phone_of("mtn", 10 + days_ago),
            days_ago=days_ago,
            rating=rating,
            text=text,
        )
