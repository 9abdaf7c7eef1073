"""What a course page does on every view, also when the page cache answers: it says
the course was viewed (a hit queries nothing, the receivers count it: core/counters.py)."""

from core import page_cache

from .signals import course_viewed

COURSE_VIEW = "course_pages.view"


def course_hit(request, course_id):
    course_viewed.send(sender=COURSE_VIEW, course_id=course_id)
    return None


def register():
    page_cache.on_hit(COURSE_VIEW, course_hit)
