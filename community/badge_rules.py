"""The badge rules community owns, registered with certificates (CommunityConfig.ready):
challenges won, and mentoring given — mentorships the mentor saw through to the end of
their weeks (not those ended early or left by a deleted account)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from certificates import rule_kinds

from .models import Entry, Mentorship

CHALLENGES_WON, MENTORING_GIVEN = "challenges_won", "mentoring_given"


def _at_least(rows, person_field, count, user_ids):
    if user_ids is not None:
        rows = rows.filter(**{f"{person_field}__in": user_ids})
    return set(
        rows.values(person_field)
        .annotate(times=Count("pk"))
        .filter(times__gte=count)
        .values_list(person_field, flat=True)
    )


def challenge_winners(badge, user_ids=None):
    wins = Entry.objects.filter(is_winner=True, author__isnull=False)
    return _at_least(wins, "author_id", badge.count, user_ids)


def mentors(badge, user_ids=None):
    given = Mentorship.objects.filter(
        status=Mentorship.Status.ENDED, ending=Mentorship.Ending.TIME_UP, mentor__isnull=False
    )
    return _at_least(given, "mentor_id", badge.count, user_ids)


def register():
    rule_kinds.register(
        rule_kinds.RuleKind(
            CHALLENGES_WON, _("Challenges won"), rule_kinds.USES_COUNT, challenge_winners
        ),
        rule_kinds.RuleKind(
            MENTORING_GIVEN,
            _("Mentorships given to the end"),
            rule_kinds.USES_COUNT,
            mentors,
        ),
    )
