"""What the follows hear from other apps: a course page published for the first time
announces the course to its instructor's followers (connected in CommunityConfig.ready)."""

from wagtail.models import Locale

from ..models import Activity
from . import activity


def course_published(sender, instance, **kwargs):
    """Wagtail's page_published, for the course page type. Only the default-locale page
    (the translation is the same course) and only its first publication: publishing
    again, after an edit or an unpublish, announces nothing."""
    course = instance
    if not course.live or course.locale_id != Locale.get_default().pk:
        return
    if course.first_published_at != course.last_published_at:
        return
    activity.record(
        actor=course.instructor.user,
        verb=Activity.Verb.COURSE_PUBLISHED,
        target=course,
        when=course.first_published_at,
    )
