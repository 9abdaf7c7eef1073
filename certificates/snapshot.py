"""What a certificate copies from its course at issue time, in both languages."""

from decimal import Decimal

from wagtail.models import Locale

from course_pages.models import CertificateDesign, CoursePage


def _outcomes(page):
    return [
        str(block.value).strip() for block in page.learning_outcomes if str(block.value).strip()
    ]


def _english(course):
    """The English course page: the live one when there is one, else any draft."""
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return None
    translations = CoursePage.objects.filter(translation_key=course.translation_key, locale=english)
    return translations.order_by("-live").first()


def course_snapshot(course):
    """Fields of Certificate taken from the (default-locale) course page."""
    english = _english(course)
    skills_fr = _outcomes(course)
    instructor = course.instructor
    return {
        "course_title_fr": course.title,
        "course_title_en": english.title if english else course.title,
        "skills": {"fr": skills_fr, "en": (_outcomes(english) if english else []) or skills_fr},
        "hours": Decimal(course.estimated_hours).quantize(Decimal("0.1")),
        "instructor_name": instructor.title,
        "design": course.certificate_template or CertificateDesign.CLASSIC,
    }
