"""After load_demo the site is a living academy: paid orders with receipts, an active
subscription, coupons, quiz attempts, reviewed practice work, reviews of appointments
that happened, and professionals certified by our own courses. Checked from the outside.

The whole demo is loaded once for the module (about a minute on SQLite); each test runs
in its own savepoint on top of it."""

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from accounts.models import User
from booking.models import Booking
from checkout.errors import InvalidCoupon
from checkout.models import Coupon, Order, Payment
from checkout.services import find_coupon
from demo import living
from demo.management.commands.load_demo import LOADERS
from directory.models import ProfessionalPage, Review
from enrolment.models import PeerReview, QuizAttempt, Submission
from messaging.models import Message, Participant

from ..shared_build import built_once_per_module

pytestmark = [pytest.mark.django_db, pytest.mark.demo_content]


def build_whole_demo():
    for loader in LOADERS:
        loader()
    return {}


whole_demo = built_once_per_module(build_whole_demo, "whole_demo")


def person(email):
    return User.objects.get(email=email)


def test_certified_only_filter_shows_at_least_five_professionals(client, whole_demo):
    response = client.get("/en/professionals/", {"certified": "on"})

    cards = response.context["cards"]
    assert len(cards) >= 5
    assert all(card["listing"].is_certified for card in cards)
    assert response.content.decode().count('<span class="badge">Certified</span>') >= 5


def test_certified_professionals_hold_certificates_of_our_own_courses(whole_demo):
    certified = ProfessionalPage.objects.filter(
        locale=Locale.get_default(), listing__is_certified=True
    ).select_related("user")
    assert certified.count() >= 5
    for professional in certified:
        assert professional.user.certificates.filter(course__live=True).exists()


def test_student_sees_her_paid_orders_and_downloads_a_receipt(client, whole_demo):
    linda = person("student@demo.bsa")
    client.force_login(linda)
    paid = Order.objects.filter(user=linda, item_type="course", status=Order.Status.PAID)

    page = client.get("/fr/account/orders/").content.decode()
    receipt = client.get(f"/fr/account/orders/receipt/{paid[0].number}.pdf")

    assert paid.count() == 2
    assert all(order.number in page for order in paid)
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"


def test_orders_were_paid_through_the_sandbox_from_mtn_and_orange_numbers(whole_demo):
    payments = Payment.objects.filter(status=Payment.Status.PAID)

    assert payments.count() >= 5
    assert set(payments.values_list("provider", flat=True)) == {Payment.Provider.SANDBOX}
    prefixes = {payment.phone[:7] for payment in payments}
    assert {"+237677", "+237699"} <= prefixes
    assert Order.objects.filter(status=Order.Status.PAID).count() == payments.count()


def test_the_subscriber_sees_her_subscription_running(client, whole_demo):
    client.force_login(person("carine@demo.bsa"))

    page = client.get("/en/subscription/").content.decode()

    assert "Your subscription runs until" in page
    assert "Renew" in page


def test_the_subscribers_renewal_by_mobile_money_is_due(client, whole_demo):
    from checkout.models import RenewalAttempt
    from checkout.renewal_tasks import renew_due_subscriptions

    carine = person("carine@demo.bsa")
    subscription = carine.subscriptions.get()
    assert subscription.renews_automatically
    assert subscription.renewal_phone == str(carine.phone)

    assert renew_due_subscriptions() == 1

    attempt = RenewalAttempt.objects.get(subscription=subscription)
    assert attempt.payment.phone == str(carine.phone)
    client.force_login(carine)
    assert attempt.order.number in client.get("/en/subscription/").content.decode()


def test_an_orange_like_refund_waits_for_staff_in_the_refund_queue(client, whole_demo):
    from checkout.models import Refund

    refund = Refund.objects.get(status=Refund.Status.WAITING_FOR_STAFF)
    assert refund.payment.order.user.email == "john@demo.bsa"
    client.force_login(person("moderator@demo.bsa"))
    assert refund.payment.order.number in client.get("/admin/refunds/").content.decode()
    # The admin home counts it among what waits for a person today.
    home = client.get("/admin/").content.decode()
    waiting = home.split('href="/admin/refunds/"')[1].split("</tr>")[0]
    assert '<strong class="w-status w-status--primary">1</strong>' in waiting


def test_coupons_one_active_one_expired_one_used_up(whole_demo):
    course_id = Order.objects.filter(item_type="course").first().item_id

    assert find_coupon(code=living.WELCOME, item_type="course", item_id=course_id)
    assert Coupon.objects.with_use_counts().get(code=living.WELCOME).used_count == 1
    for code, reason in [(living.EXPIRED, "expired"), (living.ONE_USE, "used as many")]:
        with translation.override("en"), pytest.raises(InvalidCoupon, match=reason):
            find_coupon(code=code, item_type="course", item_id=course_id)


def test_quiz_attempts_passed_and_failed_show_on_the_lesson_page(client, whole_demo):
    linda = person("student@demo.bsa")
    attempts = QuizAttempt.objects.filter(enrolment__user=linda)
    lesson = attempts.first().lesson.specific
    client.force_login(linda)

    # The French lesson: the demo's English copy has its own quiz block ids.
    page = client.get(lesson.url).content.decode()

    assert sorted(attempts.values_list("passed", flat=True)) == [False, True]
    assert QuizAttempt.objects.filter(passed=False).count() >= 3
    assert "Mes tentatives" in page and "Quiz réussi." in page
    assert "— 0 %" in page and "— 100 % · réussi" in page


def test_practice_work_has_peer_reviews_and_the_instructors_verdict(client, whole_demo):
    nadia = person("nadia@demo.bsa")
    work = Submission.objects.get(enrolment__user=nadia)
    client.force_login(nadia)

    page = client.get(f"/en/learn/work/{work.pk}/").content.decode()
    photo = client.get(f"/en/learn/photo/{work.photos.first().pk}/")

    assert work.status == Submission.Status.ACCEPTED and work.photos.count() >= 1
    assert PeerReview.objects.filter(submission=work).count() == 2
    assert "Your instructor's verdict" in page and "Exercice validé" in page
    assert page.count("<blockquote>") == 2
    assert photo.status_code == 200
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert {Submission.Status.NEEDS_WORK, Submission.Status.AWAITING_INSTRUCTOR} <= statuses


def test_reviews_belong_to_completed_appointments_with_a_paid_deposit(client, whole_demo):
    reviewed = Booking.objects.filter(review__isnull=False).select_related("order", "review")

    assert reviewed.count() >= 3
    for booking in reviewed:
        assert booking.status == Booking.Status.COMPLETED
        assert booking.starts_at < timezone.now()
        assert booking.order.status == Order.Status.PAID
        assert booking.order.amount_xaf == booking.deposit_xaf
        assert booking.review.author_id == booking.client_id
    review = reviewed.first().review
    page = client.get(review.professional.url).content.decode()
    assert review.text.replace("'", "&#x27;") in page


def test_loading_the_living_demo_again_changes_nothing(whole_demo):
    counted = (Order, Review, QuizAttempt, Message)
    counts = [model.objects.count() for model in counted]

    living.load()

    assert [model.objects.count() for model in counted] == counts


def test_people_wrote_to_each_other_and_the_last_answers_wait_unread(client, whole_demo):
    linda = person("student@demo.bsa")
    client.force_login(linda)

    page = client.get("/fr/messages/").content.decode()
    conversation = Participant.objects.get(user=linda).conversation
    talk = client.get(f"/fr/messages/{conversation.pk}/").content.decode()

    assert "ce soir sur ma sœur" in page  # the last message, in the list
    assert "zone T" in talk
    # Messages between two people, mentorships aside (their own test below).
    two_people = {"conversation__is_group": False}
    mentorship = {"conversation__context_kind": "mentorship"}
    assert Message.objects.filter(**two_people).exclude(**mentorship).count() == 8
    # Each conversation's last message is still unread by the other side.
    assert (
        Participant.objects.filter(unread_count=1, **two_people).exclude(**mentorship).count() == 3
    )
    brice_seat = Participant.objects.get(user=person("client@demo.bsa"))
    assert brice_seat.conversation.context_kind == "booking"


def test_study_groups_meet_in_douala_yaounde_and_bafoussam(client, whole_demo):
    from community.models import Group, Membership, PracticeSession, Resource

    groups = {group.town.slug: group for group in Group.objects.select_related("town")}
    assert set(groups) == {"douala", "yaounde", "bafoussam"}
    assert groups["douala"].is_open and groups["bafoussam"].is_open
    assert not groups["yaounde"].is_open
    assert groups["yaounde"].memberships.filter(status=Membership.Status.REQUESTED).exists()
    supplier = Resource.objects.get(group=groups["douala"], kind=Resource.Kind.SUPPLIER)
    assert "Marché Central" in supplier.supplier_name
    assert str(supplier.supplier_phone).startswith("+2376")
    session = PracticeSession.objects.get(group=groups["douala"])
    days = (timezone.localdate(session.starts_at) - timezone.localdate()).days
    assert days == 7 and session.rsvps.filter(going=True).count() == 3

    nadia = person("nadia@demo.bsa")
    client.force_login(nadia)
    page = client.get(groups["douala"].get_absolute_url())
    assert page.status_code == 200 and "Marché Central" in page.text
    # The last message waits unread for the three others.
    seats = Participant.objects.filter(conversation__context_kind="group")
    assert sorted(seats.values_list("unread_count", flat=True)) == [0, 1, 1, 1]
    chat = client.get(f"/fr/groups/{groups['douala'].pk}/conversation/", follow=True)
    assert "samedi prochain à Akwa" in chat.text
    listing = client.get("/en/groups/", {"town": "douala"}).text
    assert "Local chapter · Douala" in listing and "Tresses &amp; knotless Douala" in listing
    yaounde = groups["yaounde"]
    assert client.get(f"/fr/groups/{yaounde.pk}-{yaounde.slug}/wall/").status_code == 404


def test_two_mentorships_one_under_way_one_reviewed(client, whole_demo):
    from community.models import MentorOffer, Mentorship

    towns = set(MentorOffer.objects.values_list("town__slug", flat=True))
    assert {"douala", "yaounde", "bafoussam"} <= towns
    under_way = Mentorship.objects.get(status=Mentorship.Status.ACTIVE)
    ended = Mentorship.objects.get(status=Mentorship.Status.ENDED)
    assert under_way.mentee == person("nadia@demo.bsa") and ended.reviews.count() == 2
    client.force_login(person("nadia@demo.bsa"))
    talk = client.get(f"/fr/mentors/mentorships/{under_way.pk}/conversation/", follow=True)
    assert "peigne à queue" in talk.text
    offer = client.get(f"/en/mentors/{ended.offer_id}/").text
    assert "5.0/5 (1 review)" in offer and "ma première mariée" in offer
    nails = person("pro03@demo.bsa")
    near = client.get("/fr/mentors/", {"town": "bafoussam"}).text
    assert f"{nails.first_name} {nails.last_name[0]}." in near and "même ville" in near


def test_course_forums_have_endorsed_and_accepted_answers(client, whole_demo):
    from community.models import Forum, Thread

    client.force_login(person("nadia@demo.bsa"))
    solved = Thread.objects.get(title__startswith="Mes tresses collées")
    page = client.get(f"/fr/forums/thread/{solved.pk}/").content.decode()

    assert solved.solved_at and solved.accepted_post.endorsed_at
    assert "Réponse acceptée" in page and "Approuvée par la formatrice ou le formateur" in page
    assert "elles tiennent depuis cinq jours" in page  # a comment on the answer
    # The Q&A exercise: Nadia has not answered it, so she sees no one's answer yet.
    exercise = Thread.objects.get(qa_mode=True)
    assert "peigne à queue" not in client.get(f"/fr/forums/thread/{exercise.pk}/").content.decode()
    assert Forum.objects.get(slug="bien-etre").threads.exists()
    # Linda calls her instructor by name in her question.
    client.force_login(person("student@demo.bsa"))
    question = Thread.objects.get(title__startswith="Quelle base pour une peau grasse")
    page = client.get(f"/fr/forums/thread/{question.pk}/").content.decode()
    assert '<b class="mention">@Aïcha.Mbarga</b>' in page


def test_a_student_finds_her_course_forums_in_english(client, whole_demo):
    client.force_login(person("john@demo.bsa"))

    page = client.get("/en/forums/").content.decode()

    assert "Manicure" in page or "Manucure" in page
    assert "Well-being corner" in page


def test_a_running_challenge_with_entries_and_a_finished_one_with_winners(client, whole_demo):
    from community.models import Challenge

    running = Challenge.objects.get(title_en="A glowing base without the mask look")
    finished = Challenge.objects.get(title_en="Party cornrows")
    assert running.state() == "running" and running.entries.count() == 6
    assert running.votes.exists() and running.frozen_at is None
    assert finished.frozen_at is not None
    winners = finished.entries.filter(is_winner=True).order_by("rank")
    assert [entry.author.email for entry in winners] == [
        "pro09@demo.bsa",
        "carine@demo.bsa",
        "pro01@demo.bsa",
    ]
    listing = client.get("/fr/challenges/").content.decode()
    assert "Teint lumineux sans effet masque" in listing and "Carine E." in listing
    client.force_login(person("nadia@demo.bsa"))
    page = client.get(f"/en/challenges/{running.pk}/").content.decode()
    assert "Your vote" in page and "Vote for this entry" not in page


def test_a_past_class_was_attended_rated_and_its_recording_is_a_draft_lesson(client, whole_demo):
    from core.sample_video import ffmpeg_available
    from live.models import LiveSession

    past = LiveSession.objects.get(status=LiveSession.Status.ENDED)
    assert past.starts_at < timezone.now() and past.allow_recording
    assert past.presences.count() == 2 and past.ratings.count() == 2
    if not ffmpeg_available():
        return
    recording = past.recordings.get()
    assert recording.video is not None and recording.video.uploaded_by == past.host
    assert recording.lesson is not None and not recording.lesson.live
    assert recording.lesson.get_parent().pk == past.course_id
    client.force_login(past.host)
    page = client.get(f"/fr/live/{past.pk}/").content.decode()
    assert "brouillon de leçon" in page and "Présences" in page
