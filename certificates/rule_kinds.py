"""The kinds of badge rule. Certificates registers its own (courses completed, a
curriculum finished); apps above certificates (community: challenges won, mentoring
given) register theirs from their AppConfig.ready(), so certificates imports none of
them. Kept free of model imports: Badge.rule takes its choices from here."""

from collections.abc import Callable
from dataclasses import dataclass

# Which field of a Badge sets a rule's target.
USES_COURSES, USES_CURRICULUM, USES_COUNT = "courses", "curriculum", "count"


@dataclass(frozen=True)
class RuleKind:
    """`holders(badge, user_ids)` returns the ids of the people for whom the rule holds
    now, among `user_ids` (every person when None), in a constant number of queries."""

    key: str
    label: str  # lazy, translated
    uses: str
    holders: Callable


_kinds: dict[str, RuleKind] = {}


def register(*kinds):
    for kind in kinds:
        _kinds[kind.key] = kind


def get(key):
    """The registered kind, or None (an app that registered it is not installed)."""
    return _kinds.get(key)


def choices():
    return [(kind.key, kind.label) for kind in _kinds.values()]
