"""Rules about a quiz's next steps: each target is a lesson of the same course, each band
is a real range, and "go to" steps never lead round in a circle back to a lesson."""

from django.utils.translation import gettext as _

from .blocks import NextStepBlock

# Steps that send the student to another lesson: these may not form a circle.
MOVES = (NextStepBlock.REVIEW, NextStepBlock.NEXT)


def next_steps(lesson):
    """[(min %, max %, action, target page)] of every quiz of a lesson."""
    steps = []
    for block in lesson.body:
        if block.block_type != "quiz":
            continue
        for step in block.value.get("next_steps") or []:
            value = step.value
            steps.append(
                (value["min_percent"], value["max_percent"], value["action"], value["lesson"])
            )
    return steps


def _moves_from(lesson):
    return [
        target.pk for _low, _high, action, target in next_steps(lesson)
        if action in MOVES and target is not None
    ]  # fmt: skip


def rule_problems(lesson, course_lessons):
    """Messages for next-step rules that point out of the course, have an empty band, or
    go round in a circle. `course_lessons` are the other lessons of its course."""
    problems = []
    by_pk = {other.pk: other for other in course_lessons}
    for low, high, _action, target in next_steps(lesson):
        if low > high:
            problems.append(
                _("A score band goes from %(low)s %% down to %(high)s %%: swap them.")
                % {"low": low, "high": high}
            )
        if target is None:
            continue
        if target.pk not in by_pk and target.pk != lesson.pk:
            problems.append(
                _("“%(lesson)s” is not a lesson of this course: choose one of its own lessons.")
                % {"lesson": target.title}
            )
    cycle = _circle(lesson, by_pk)
    if cycle:
        problems.append(
            _("These next steps go round in a circle: %(path)s. Remove one of them.")
            % {"path": " → ".join(cycle)}
        )
    return problems


def _circle(lesson, by_pk):
    """Titles along a circle of "go to" steps back to `lesson`, or []."""

    def moves(pk):
        if pk == lesson.pk:
            return _moves_from(lesson)
        other = by_pk.get(pk)
        return _moves_from(other.specific) if other is not None else []

    def visit(pk, trail, seen):
        for target in moves(pk):
            if target == lesson.pk:
                return [*trail, lesson.title]
            # Another course's lesson is refused on its own; it leads nowhere here.
            if target in seen or target not in by_pk:
                continue
            seen.add(target)
            found = visit(target, [*trail, by_pk[target].title], seen)
            if found:
                return found
        return []

    return visit(lesson.pk, [lesson.title], {lesson.pk})
