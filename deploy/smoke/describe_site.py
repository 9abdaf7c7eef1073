"""Print, as JSON, what the prod-smoke journey needs to find on the demo site: a paid
French course with a practice-work lesson, the catalogue, the demo student, the
directory and a bookable service when those apps are installed, and the installed apps.

Run with the same environment as the app servers (production settings)."""

import json

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from course_pages.models import CourseIndexPage, CoursePage  # noqa: E402
from demo.loaders import people as accounts_demo  # noqa: E402
from enrolment.lesson_blocks import is_self_paced  # noqa: E402


def paid_course_with_practice_work():
    """(course, a lesson marked done by hand, a lesson with practice work, its block)."""
    french = Locale.objects.get(language_code="fr")
    for course in CoursePage.objects.live().filter(locale=french, price_xaf__gt=0):
        self_paced = [lesson for lesson in course.lessons if is_self_paced(lesson)]
        for lesson in course.lessons:
            assignments = [block for block in lesson.body if block.block_type == "assignment"]
            if assignments and self_paced:
                return course, self_paced[0], lesson, assignments[0]
    raise SystemExit("The demo has no paid course with practice work: run load_demo first.")


def demo_login(role):
    """[e-mail, password] of a demo account (demo/content/people.yaml)."""
    for login_role, email, password in accounts_demo.logins():
        if login_role == role:
            return [email, password]
    return None


def service_with_deposit_slots_url():
    """The slots page of a service that asks for a deposit and has a free slot in the
    week the page first shows, or None."""
    if not apps.is_installed("booking"):
        return None
    from booking.selectors import slot_window

    Service = apps.get_model("directory", "Service")
    services = Service.objects.filter(is_active=True, professional__live=True).order_by("pk")
    today = timezone.localdate()
    for service in services:
        if (
            service.deposit_xaf() > 0
            and slot_window(service=service, first_day=today, days=7)["slots"]
        ):
            return reverse("booking:slots", args=[service.pk])
    return None


def index_page_url(app_label, locale):
    """The first live index page (a model named *IndexPage) of an app, or None."""
    for page in (
        Page.objects.live()
        .filter(locale=locale, content_type__app_label=app_label)
        .select_related("content_type")
    ):
        if page.content_type.model.endswith("indexpage"):
            return page.url
    return None


def main():
    course, done_lesson, work_lesson, assignment = paid_course_with_practice_work()
    catalogue = CourseIndexPage.objects.live().filter(locale=course.locale).first()
    print(
        json.dumps(
            {
                "catalogue_url": catalogue.url,
                "course_url": course.url,
                "course_title": course.title,
                "price_xaf": course.price_xaf,
                "buy_url": reverse("checkout:buy", args=["course", course.pk]),
                "done_lesson_url": done_lesson.url,
                "mark_done_url": reverse("learning:mark_done", args=[done_lesson.pk]),
                "work_lesson_url": work_lesson.url,
                "hand_in_url": reverse("learning:hand_in", args=[work_lesson.pk, assignment.id]),
                "photos_required": assignment.value["photos_required"],
                "demo_student": demo_login("student"),
                "directory_url": index_page_url("directory", course.locale),
                "booking_slots_url": service_with_deposit_slots_url(),
                "installed_apps": sorted(config.label for config in apps.get_app_configs()),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
