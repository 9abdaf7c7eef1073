"""The courses a subscription opens, listed on checkout's subscription page (registered
with checkout.pass_contents from CoursePagesConfig.ready(): checkout knows no courses)."""

from wagtail.models import Locale

from core.page_locales import localize_pages
from course_pages.models import CoursePage


def included_courses():
    """Live included courses, in the reader's language when translated (fixed query count)."""
    courses = (
        CoursePage.objects.live()
        .public()
        .filter(included_in_subscription=True, locale=Locale.get_default())
        .order_by("title")
    )
    return localize_pages(list(courses), Locale.get_active())
