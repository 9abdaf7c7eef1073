"""What the home page shows once the other demo loaders ran: its steps, featured
courses (with a cover, free and paid) and certified professionals in every town
(demo/content/showcase.yaml)."""

from django.db import transaction
from wagtail.models import Locale

from certificates.services import issue_for_enrolment
from course_pages.models import CoursePage
from demo.content import read
from directory.models import ProfessionalPage
from directory.services import sync_listing
from home.models import HomePage

from .completion import complete_course


def load():
    """Safe to call twice. Returns the French home page (None before loaders.site)."""
    french_home = HomePage.objects.filter(locale__language_code="fr").first()
    if french_home is None:
        return None
    _home_steps_and_picks(french_home)
    _certify_professionals()
    return french_home


def _steps(language):
    return [("step", step) for step in read("showcase")["steps"][language]]


def _home_steps_and_picks(french_home):
    courses = list(
        CoursePage.objects.live()
        .filter(locale=french_home.locale, cover_image__isnull=False)
        .order_by("price_xaf", "path")
    )
    free = [course for course in courses if course.is_free]
    paid = [course for course in courses if not course.is_free]
    picks = (paid[:2] + free[:2] + paid[2:] + free[2:])[: read("showcase")["featured_courses"]]
    if not french_home.featured_courses:
        french_home.featured_courses = [("course", course) for course in picks]
    if not french_home.how_it_works:
        french_home.how_it_works = _steps("fr")
    french_home.save_revision().publish()
    english_home = french_home.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english_home is not None and not english_home.specific.how_it_works:
        english_home = english_home.specific
        english_home.how_it_works = _steps("en")
        english_home.save_revision().publish()


def _certify_professionals():
    """pro-01… complete the first free course and hold its certificate."""
    course = (
        CoursePage.objects.live()
        .filter(locale=Locale.get_default(), price_xaf=0)
        .order_by("path")
        .first()
    )
    if course is None:
        return
    count = read("showcase")["certified_professionals"]
    professionals = ProfessionalPage.objects.filter(
        locale=Locale.get_default(),
        slug__in=[f"pro-{n:02d}" for n in range(1, count + 1)],
    ).select_related("user")
    for professional in professionals:
        with transaction.atomic():
            enrolment = complete_course(professional.user, course)
            # The PDF is rendered on first download; no e-mail for demo people.
            issue_for_enrolment(enrolment_id=enrolment.pk)
        sync_listing(professional=professional)
