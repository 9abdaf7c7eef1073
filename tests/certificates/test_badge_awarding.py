"""Badges are awarded once, when their rule first holds: after a certificate is issued
(through the task), or by the nightly sweep; the holder is told once, in her language."""

from django.utils import timezone

from certificates.badges import services, tasks
from certificates.models import BadgeAward
from certificates.services import revoke as revoke_certificate
from course_pages.models import CurriculumIndexPage, CurriculumPage
from notifications.models import Notification

from ..conftest import make_person
from .badges_kit import badge_site, course_badge, graduate, make_badge
from .conftest import complete_course

# Fixtures of tests/certificates/badges_kit.py (the site is built once per module).
__all__ = ["badge_site", "course_badge", "graduate"]


def test_the_sweep_awards_a_new_badge_to_those_who_already_hold_its_rule(
    course_badge, graduate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_badges() == 1
        assert tasks.sweep_badges() == 0

    award = BadgeAward.objects.get(user=graduate)
    assert (award.badge, award.recipient_name) == (course_badge, "Linda Tchoua")
    assert (award.name_fr, award.name_en) == ("Experte du teint", "Complexion expert")
    [notice] = Notification.objects.filter(user=graduate, kind="badge_awarded")
    assert notice.title == "Nouveau badge\u00a0: «\u00a0Experte du teint\u00a0»"


def test_completing_the_course_awards_the_badge_through_the_task(
    course_badge, badge_site, django_capture_on_commit_callbacks
):
    student = make_person(
        "ann@example.cm", first_name="Ann", last_name="Fon", preferred_language="en"
    )

    complete_course(student, badge_site, django_capture_on_commit_callbacks)

    award = BadgeAward.objects.get(user=student)
    assert award.badge == course_badge
    notice = Notification.objects.get(user=student, kind="badge_awarded")
    assert notice.title == "New badge: “Complexion expert”"


def test_a_badge_for_two_courses_waits_for_both(badge_site, graduate):
    other = badge_site["course"].copy(
        update_attrs={"title": "Autre", "slug": "autre-formation"}, keep_live=True
    )
    badge = make_badge(courses=[badge_site["course"], other])

    assert services.award_due(user=graduate) == []
    assert not BadgeAward.objects.filter(badge=badge).exists()


def test_checking_again_never_awards_twice(course_badge, graduate):
    [first] = services.award_due(user=graduate)

    assert services.award_due(user=graduate) == []
    assert services.award(badge=course_badge, user=graduate) == (first, False)
    assert BadgeAward.objects.filter(user=graduate).count() == 1


def test_a_revoked_badge_is_not_awarded_again(course_badge, graduate, moderator):
    [award] = services.award_due(user=graduate)
    services.revoke(award=award, reason="Fraude à l'examen", revoked_by=moderator)

    assert services.sweep() == 0
    assert BadgeAward.objects.get(user=graduate).is_revoked


def test_a_revoked_certificate_no_longer_counts(course_badge, graduate, moderator):
    revoke_certificate(
        certificate=graduate.certificates.get(), reason="Erreur", revoked_by=moderator
    )

    assert services.sweep() == 0
    assert not BadgeAward.objects.exists()


def test_an_inactive_badge_is_not_awarded(course_badge, graduate):
    course_badge.is_active = False
    course_badge.save()

    assert services.sweep() == 0
    assert services.award_due(user=graduate) == []


def test_a_person_without_a_name_is_awarded_once_she_gives_one(course_badge, graduate):
    graduate.first_name = graduate.last_name = ""
    graduate.save()
    assert services.award_due(user=graduate) == []

    graduate.first_name, graduate.last_name = "Linda", "Tchoua"
    graduate.save()
    [award] = services.award_due(user=graduate)
    assert award.recipient_name == "Linda Tchoua"
    assert award.awarded_at <= timezone.now()


def test_the_sweep_is_in_the_beat_schedule(settings):
    tasks_run = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "certificates.badges.tasks.sweep_badges" in tasks_run


def test_finishing_a_curriculum_awards_its_badge(badge_site, graduate):
    paths = badge_site["home"].add_child(
        instance=CurriculumIndexPage(title="Parcours", slug="parcours")
    )
    complete = paths.add_child(
        instance=CurriculumPage(
            title="Teint", slug="teint", courses=[("course", badge_site["course"])]
        )
    )
    other = badge_site["course"].copy(
        update_attrs={"title": "Autre", "slug": "autre-formation"}, keep_live=True
    )
    longer = paths.add_child(
        instance=CurriculumPage(
            title="Teint et plus",
            slug="teint-et-plus",
            courses=[("course", badge_site["course"]), ("course", other)],
        )
    )
    finished = make_badge(slug="parcours-teint", rule="curriculum", curriculum=complete)
    make_badge(slug="parcours-long", rule="curriculum", curriculum=longer)

    assert [award.badge for award in services.award_due(user=graduate)] == [finished]
