"""What course changes make stale in the page cache beyond the page tree (core's
page_invalidation already covers a course's own page and the listings above it):
instructor pages list courses found by instructor, not by place."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache_tags import invalidate, invalidate_all

from .models import CourseCategory, CoursePage
from .models.instructors import COURSE_TREE_TAG


def _course_tree_changed(sender, instance, **kwargs):
    invalidate(COURSE_TREE_TAG)


def _category_changed(sender, instance, **kwargs):
    # Category names (and their translations) show on cards, filters and the home page.
    invalidate_all()


def connect():
    for signal in (post_save, post_delete):
        signal.connect(
            _category_changed, sender=CourseCategory, dispatch_uid="course_pages.category"
        )
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(
            _course_tree_changed, sender=CoursePage, dispatch_uid="course_pages.course_tree"
        )
