"""Demo certificates: the demo instructors sign, three courses use the three designs,
and the demo student has completed one course and holds its certificate. Safe to run
twice: what exists is kept."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale

from accounts.models import User
from course_pages.models import CertificateDesign, CoursePage, InstructorPage
from enrolment.models import Enrolment, LessonProgress
from enrolment.selectors import required_lessons
from enrolment.services import enrol

from .signature_image import signature_png
from .tasks import issue_certificate

DEMO_STUDENT = "student@demo.bsa"


def load():
    _sign_instructor_pages()
    courses = list(CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path"))
    _choose_designs(courses)
    student = User.objects.filter(email=DEMO_STUDENT).first()
    free = [course for course in courses if course.is_free]
    if student is None or not free:
        return None
    return _complete(student, free[0])


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
    designs = [CertificateDesign.CLASSIC, CertificateDesign.MODERN, CertificateDesign.MINIMAL]
    for course, design in zip(courses, designs, strict=False):
        if course.certificate_template != design:
            _publish(course, certificate_template=design)


def _complete(student, course):
    """Every required lesson done, the course complete, the certificate issued."""
    enrolment, _created = enrol(user=student, course=course)
    for lesson in required_lessons(course):
        LessonProgress.objects.get_or_create(
            enrolment=enrolment, lesson=lesson, defaults={"reason": LessonProgress.Reason.MARKED}
        )
    if enrolment.status != Enrolment.Status.COMPLETED:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
        )
    # Run now rather than through the broker: the worker is not started yet.
    issue_certificate(enrolment.pk)
    return student.certificates.get(course=course)
