"""Community's badge rules, registered with certificates: a badge for challenges won is
awarded once the results are frozen, a badge for mentoring once a mentorship ran to the
end of its weeks (not when it is ended early)."""

from datetime import timedelta

from django.utils import timezone

from certificates.badges import services as badges
from certificates.models import BadgeAward
from community.challenges import results
from community.mentorship.tasks import end_due_mentorships
from community.models import Mentorship
from notifications.models import Notification

from ..certificates.badges_kit import make_badge
from . import mentoring
from .challenges_kit import close, crowd, enter, post, vote
from .mentoring import active_mentorship, ended_mentorship

mentorship_site, people = mentoring.mentorship_site, mentoring.people


def test_winning_a_challenge_awards_its_badge_after_the_results(
    people, django_capture_on_commit_callbacks
):
    badge = make_badge(slug="championne", rule="challenges_won", name_fr="Championne")
    challenge = post(people)
    winner, other = enter(challenge, people["founder"]), enter(challenge, people["classmate"])
    vote(winner, crowd(1)[0])
    close(challenge)

    with django_capture_on_commit_callbacks(execute=True):
        results.freeze(challenge.pk)

    assert list(BadgeAward.objects.values_list("badge", "user")) == [
        (badge.pk, people["founder"].pk)
    ]
    assert Notification.objects.filter(user=people["founder"], kind="badge_awarded").count() == 1
    assert other.author_id != people["founder"].pk


def test_a_badge_for_two_wins_waits_for_the_second(people):
    make_badge(slug="double", rule="challenges_won", count=2)
    challenge = post(people)
    vote(enter(challenge, people["founder"]), crowd(1)[0])
    results.freeze(close(challenge).pk)

    assert badges.sweep() == 0


def test_a_mentorship_run_to_its_end_awards_the_mentoring_badge(
    people, django_capture_on_commit_callbacks
):
    badge = make_badge(slug="mentore", rule="mentoring_given", name_fr="Mentore")
    mentorship = active_mentorship(people)
    Mentorship.objects.filter(pk=mentorship.pk).update(
        ends_at=timezone.now() - timedelta(minutes=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        end_due_mentorships()

    award = BadgeAward.objects.get()
    assert (award.badge, award.user) == (badge, people["graduate"])


def test_a_mentorship_ended_early_earns_nothing(people):
    make_badge(slug="mentore", rule="mentoring_given")
    ended_mentorship(people)

    assert badges.sweep() == 0
    assert not BadgeAward.objects.exists()
