"""The certificate PDF: A4 landscape, French and English on one page, by WeasyPrint.

Fonts are DejaVu (Debian's fonts-dejavu-core, installed by `make system-deps`), named
in the templates, so the PDF looks the same on every machine that runs the project."""

import base64

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from weasyprint import HTML

from course_pages.models import CertificateDesign

from .documents import grade_in, public_verify_url
from .qr import qr_svg_data_uri

SIGNATURE_RENDITION = "max-600x200|format-png"


def signature_data_uri(instructor_page):
    """The instructor's signature image as a PNG data URI, or "" when there is none."""
    image = getattr(instructor_page, "signature", None)
    if image is None:
        return ""
    rendition = image.get_rendition(SIGNATURE_RENDITION)
    with rendition.file.open("rb") as handle:
        return "data:image/png;base64," + base64.b64encode(handle.read()).decode()


def date_in(language, moment):
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "j F Y")


def hours_in(language, hours):
    with translation.override(language):
        return formats.number_format(int(hours) if hours == hours.to_integral_value() else hours)


def pdf_context(certificate):
    verify_url = public_verify_url(certificate)
    return {
        "academy": settings.WAGTAIL_SITE_NAME,
        "certificate": certificate,
        "verify_url": verify_url,
        "qr": qr_svg_data_uri(verify_url),
        "signature": signature_data_uri(certificate.course.instructor),
        "date_fr": date_in("fr", certificate.issued_at),
        "date_en": date_in("en", certificate.issued_at),
        "hours_fr": hours_in("fr", certificate.hours),
        "hours_en": hours_in("en", certificate.hours),
        "skills_fr": certificate.skills.get("fr", []),
        "skills_en": certificate.skills.get("en", []),
        "grade_fr": grade_in("fr", certificate.grade_band),
        "grade_en": grade_in("en", certificate.grade_band),
    }


def template_name(design):
    known = {value for value, _label in CertificateDesign.choices}
    return f"certificates/pdf/{design if design in known else CertificateDesign.CLASSIC}.html"


def render_pdf(certificate):
    """PDF bytes. Both languages are written in the template itself, whatever the
    active language, so the certificate reads the same for every reader."""
    html = render_to_string(template_name(certificate.design), pdf_context(certificate))
    return HTML(string=html).write_pdf()
