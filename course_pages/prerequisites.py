"""Rules about prerequisites: no circles, and curricula in a possible order.

Courses are compared by translation_key, so the French and English pages of a
course count as one course."""

from django.utils.translation import gettext as _


def _prerequisite_pages(course):
    return [block.value for block in course.prerequisites if block.value is not None]


def find_prerequisite_cycle(course):
    """Titles along a circle that comes back to `course`, or [] when there is none."""
    start_key = course.translation_key

    def visit(page, trail, seen):
        for prerequisite in _prerequisite_pages(page):
            if prerequisite.translation_key == start_key:
                return [*trail, course.title]
            if prerequisite.translation_key in seen:
                continue
            seen.add(prerequisite.translation_key)
            found = visit(prerequisite.specific, [*trail, prerequisite.title], seen)
            if found:
                return found
        return []

    return visit(course, [course.title], {start_key})


def order_problems(courses):
    """Messages for a curriculum order that repeats a course or puts one before
    a course it requires."""
    problems = []
    position = {}
    for index, course in enumerate(courses):
        if course.translation_key in position:
            problems.append(_("“%(course)s” appears twice.") % {"course": course.title})
        position.setdefault(course.translation_key, index)
    for index, course in enumerate(courses):
        for prerequisite in _prerequisite_pages(course.specific):
            later = position.get(prerequisite.translation_key)
            if later is not None and later > index:
                problems.append(
                    _(
                        "“%(course)s” requires “%(prerequisite)s”, which comes after it: "
                        "the order would go round in a circle."
                    )
                    % {"course": course.title, "prerequisite": prerequisite.title}
                )
    return problems
