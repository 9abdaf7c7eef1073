"""Course ratings and reviews, from the outside, role by role: who may rate, the one
review per course, the instructor's one answer, hiding, and where the average shows."""

import json
import re

import pytest
from django.test import Client

from enrolment.models import CourseRating, CourseReview
from enrolment.reviews import rate_course
from enrolment.services import enrol, mark_complete

from ..conftest import make_person
from ..query_counts import PUBLIC_PAGE_BUDGET, warm_queries
from .conftest import lesson

pytestmark = pytest.mark.django_db


def half_done(course_site, email="linda@example.cm", **fields):
    """A student who has done two of the course's four lessons."""
    student = make_person(email, is_student=True, **fields)
    enrol(user=student, course=course_site["course"])
    mark_complete(user=student, lesson=lesson(course_site["preview"]))
    mark_complete(user=student, lesson=lesson(course_site["reading"]))
    return student


def rate(client, course, rating, text="", *, language="fr", edit=False):
    action = "review/edit" if edit else "review"
    return client.post(
        f"/{language}/learn/course/{course.pk}/{action}/",
        {"rating": rating, "text": text},
        follow=True,
    )


def test_student_half_way_rates_and_reviews_the_course(client, course_site):
    client.force_login(half_done(course_site))

    response = rate(client, course_site["course"], 4, "Très clair, merci Aïcha.")

    page = response.content.decode()
    assert "Merci pour votre avis" in page
    assert "Noté 4,0 sur 5" in page
    assert "Très clair, merci Aïcha." in page
    rating = CourseRating.objects.get(course=course_site["course"])
    assert (rating.count, str(rating.average)) == (1, "4.00")


def test_review_in_english_reads_in_english(client, course_site):
    client.force_login(half_done(course_site))

    response = rate(client, course_site["course"], 5, "Great", language="en")

    assert "Thank you for your review." in response.content.decode()
    english = client.get(f"/en/learn/course/{course_site['course'].pk}/review/")
    assert english.status_code == 405  # a review is only ever written by a POST


@pytest.mark.parametrize("bad", [0, 6, "", "quatre"])
def test_a_rating_outside_one_to_five_is_refused(client, course_site, bad):
    client.force_login(half_done(course_site))

    response = rate(client, course_site["course"], bad, "Texte")

    assert "Choisissez une note de 1 à 5 étoiles." in response.content.decode()
    assert not CourseReview.objects.exists()
    assert not CourseRating.objects.exists()


def test_rating_outside_one_to_five_is_refused_in_english(client, course_site):
    client.force_login(half_done(course_site))

    response = rate(client, course_site["course"], 6, language="en")

    assert "Choose a rating from 1 to 5 stars." in response.content.decode()
    assert not CourseReview.objects.exists()


def test_a_second_review_is_refused_and_the_first_stays(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 4, "Premier avis")

    response = rate(client, course_site["course"], 1, "Second avis")

    assert "Vous avez déjà noté ce cours" in response.content.decode()
    review = CourseReview.objects.get()
    assert (review.rating, review.text) == (4, "Premier avis")
    assert CourseRating.objects.get().average == 4


def test_student_changes_her_review(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 2, "Bof")

    response = rate(client, course_site["course"], 5, "Finalement super", edit=True)

    assert "Votre avis est mis à jour." in response.content.decode()
    review = CourseReview.objects.get()
    assert (review.rating, review.text) == (5, "Finalement super")
    assert CourseRating.objects.get().average == 5


def test_a_review_before_half_the_course_is_refused(client, course_site):
    student = make_person("linda@example.cm", is_student=True)
    enrol(user=student, course=course_site["course"])
    mark_complete(user=student, lesson=lesson(course_site["preview"]))
    client.force_login(student)

    response = rate(client, course_site["course"], 5, "Trop tôt")

    assert "la moitié de ses leçons" in response.content.decode()
    assert not CourseReview.objects.exists()


def test_a_course_never_taken_cannot_be_rated(client, course_site):
    client.force_login(make_person("visitor@example.cm"))

    response = rate(client, course_site["course"], 1, language="en")

    assert "Only students of this course can rate it." in response.content.decode()
    assert not CourseReview.objects.exists()


def test_a_review_too_long_is_refused(client, course_site):
    client.force_login(half_done(course_site))

    response = rate(client, course_site["course"], 3, "x" * 2001)

    assert "2000 caractères au plus" in response.content.decode()
    assert not CourseReview.objects.exists()


def test_reviews_are_rate_limited_per_person(client, course_site, settings):
    settings.RATELIMIT_COURSE_REVIEWS = "2/h"
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 3)
    rate(client, course_site["course"], 4, edit=True)

    response = client.post(
        f"/fr/learn/course/{course_site['course'].pk}/review/edit/", {"rating": 5}
    )

    assert response.status_code == 429
    assert CourseReview.objects.get().rating == 4


def test_instructor_answers_a_review_once(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 3, "Un peu court")
    review = CourseReview.objects.get()
    client.force_login(course_site["teacher"])

    first = client.post(
        f"/fr/learn/review/{review.pk}/answer/",
        {"answer": "Merci, j'ajoute une leçon."},
        follow=True,
    )
    second = client.post(f"/fr/learn/review/{review.pk}/answer/", {"answer": "Encore"}, follow=True)

    assert "Merci, j&#x27;ajoute une leçon." in first.content.decode()
    assert "Vous avez déjà répondu à cet avis." in second.content.decode()
    review.refresh_from_db()
    assert review.answer == "Merci, j'ajoute une leçon."


@pytest.mark.parametrize("who", ["student", "other_teacher"])
def test_only_the_course_instructor_may_answer(client, course_site, who):
    student = half_done(course_site)
    client.force_login(student)
    rate(client, course_site["course"], 3, "Un peu court")
    review = CourseReview.objects.get()
    client.force_login(student if who == "student" else course_site["other_teacher"])

    response = client.post(f"/en/learn/review/{review.pk}/answer/", {"answer": "Me"}, follow=True)

    assert "Only the course&#x27;s instructor can answer its reviews." in response.content.decode()
    review.refresh_from_db()
    assert review.answer == "" and review.answered_at is None


def test_moderator_hides_an_abusive_review_from_the_admin(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 1, "Texte injurieux")
    client.force_login(half_done(course_site, "awa@example.cm"))
    rate(client, course_site["course"], 5, "Parfait")
    review = CourseReview.objects.get(rating=1)
    moderator = make_person("modo@example.cm", groups=["Moderators"], is_staff=True)
    client.force_login(moderator)

    listing = client.get("/admin/course-reviews/")
    hidden = client.post(f"/admin/course-reviews/{review.pk}/", {"decision": "hide"}, follow=True)

    assert listing.status_code == 200 and "Texte injurieux" in listing.content.decode()
    assert hidden.status_code == 200
    review.refresh_from_db()
    assert review.visibility == CourseReview.Visibility.REMOVED
    assert review.hidden_by == moderator
    assert CourseRating.objects.get().average == 5
    page = Client().get(course_site["course"].url).content.decode()
    assert "Texte injurieux" not in page and "Parfait" in page


def test_an_instructor_cannot_hide_a_review(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 1, "Sévère")
    review = CourseReview.objects.get()
    client.force_login(course_site["teacher"])

    client.post(f"/admin/course-reviews/{review.pk}/", {"decision": "hide"})

    review.refresh_from_db()
    assert review.is_visible


def test_anyone_signed_in_reports_a_review_and_enough_reports_hide_it(
    client, course_site, settings
):
    settings.COMMUNITY_REPORTS_TO_HIDE = 1
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 1, "Spam spam")
    review = CourseReview.objects.get()
    client.force_login(make_person("reader@example.cm"))

    page = client.get(course_site["course"].url).content.decode()
    response = client.post(
        f"/fr/groups/report/course_review/{review.pk}/", {"reason": "spam"}, follow=True
    )

    assert f"/groups/report/course_review/{review.pk}/" in page
    assert response.status_code == 200
    review.refresh_from_db()
    assert review.visibility == CourseReview.Visibility.WAITING
    assert CourseRating.objects.get().count == 0


def test_catalogue_card_shows_the_average_and_sorts_and_filters_by_rating(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 4)
    client.force_login(half_done(course_site, "awa@example.cm"))
    rate(client, course_site["course"], 5)
    anonymous = Client()

    catalogue = anonymous.get("/fr/formations/?sort=rating").content.decode()
    four_and_more = anonymous.get("/en/courses/?min_rating=4").content.decode()
    two_and_more = anonymous.get("/fr/formations/?min_rating=2").content.decode()

    assert "Noté 4,5 sur 5" in catalogue and "(2 notes)" in catalogue
    assert catalogue.index("Teint parfait") < catalogue.index("Mariée")
    assert "Teint parfait" in two_and_more and "Mariée" not in two_and_more
    assert "Mariée" not in four_and_more


def test_course_page_carries_schema_org_aggregate_rating(client, course_site):
    client.force_login(half_done(course_site))
    rate(client, course_site["course"], 4)
    client.force_login(half_done(course_site, "awa@example.cm"))
    rate(client, course_site["course"], 3)

    page = Client().get(course_site["course"].url).content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    course = next(json.loads(b) for b in blocks if '"Course"' in b)
    assert course["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": "3.50",
        "ratingCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_a_new_rating_makes_the_cached_course_page_stale(
    client, course_site, django_capture_on_commit_callbacks
):
    anonymous = Client()
    assert "Noté" not in anonymous.get(course_site["course"].url).content.decode()
    client.force_login(half_done(course_site))

    with django_capture_on_commit_callbacks(execute=True):
        rate(client, course_site["course"], 5)

    assert "Noté 5,0 sur 5" in anonymous.get(course_site["course"].url).content.decode()


def test_course_page_queries_stay_the_same_with_more_reviews(course_site, settings):
    # Counted as rendered, not as served from the page cache.
    settings.PAGE_CACHE_ENABLED = False
    anonymous = Client()
    for number in range(2):
        half_done(course_site, f"s{number}@example.cm")
    for review_number, student in enumerate(
        [half_done(course_site, f"t{number}@example.cm") for number in range(2)]
    ):
        CourseReview.objects.create(
            user=student, course=course_site["course"], rating=4, text=f"Avis {review_number}"
        )
    few = warm_queries(anonymous, course_site["course"].url)
    # Written the way the site writes them: the page's reviews, kept per version of its
    # tag, are made stale.
    for number in range(6):
        rate_course(
            user=half_done(course_site, f"u{number}@example.cm"),
            course=course_site["course"],
            rating=5,
            text=f"Autre {number}",
        )

    page = anonymous.get(course_site["course"].url).content.decode()
    assert "Autre 5" in page
    assert warm_queries(anonymous, course_site["course"].url) == few
    # Rendered (not served from the page cache): the ratings and reviews add one query.
    assert few <= PUBLIC_PAGE_BUDGET + 1
