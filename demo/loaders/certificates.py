"""Demo certificates: the demo instructors sign, the first courses use the designs in
turn, and the demo student has completed one course and holds its certificate
(demo/content/certificates.yaml)."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale

from accounts.models import User
from certificates.signature_image import signature_png
from certificates.tasks import issue_certificate
from course_pages.models import CoursePage, InstructorPage
from demo.content import read

from .completion import complete_course

DEMO_STUDENT = read("certificates")["student"]


def load():
    _sign_instructor_pages()
    courses = list(CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path"))
    _choose_designs(courses)
    student = User.objects.filter(email=DEMO_STUDENT).first()
    free = [course for course in courses if course.is_free]
    if student is None or not free:
        return None
    enrolment = complete_course(student, free[0])
    # Run now rather than through the broker: the worker is not started yet.
    issue_certificate(enrolment.pk)
    return student.certificates.get(course=free[0])


def _publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=page.owner).publish()


def _sign_instructor_pages():
    for page in InstructorPage.objects.filter(signature__isnull=True).select_related("user"):
        name = page.user.get_full_name() or page.title
        image = get_image_model().objects.filter(title=f"Signature · {name}").first()
        if image is None:
            image = get_image_model().objects.create(
                title=f"Signature · {name}",
                file=ImageFile(ContentFile(signature_png(name), f"signature-{page.pk}.png")),
            )
        _publish(page, signature=image)


def _choose_designs(courses):
    for course, design in zip(courses, read("certificates")["designs"], strict=False):
        if course.certificate_template != design:
            _publish(course, certificate_template=design)
