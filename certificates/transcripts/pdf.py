"""The transcript PDF: A4 portrait, French and English on the same page (like the
certificates), every shown credential with its date, hours and verification link."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from ..documents import grade_in
from ..pdf import date_in, hours_in
from ..qr import qr_svg_data_uri
from .selectors import public_url, total_hours


def pdf_context(transcript, lines):
    address = public_url(transcript)
    total = total_hours(lines)
    return {
        "academy": settings.WAGTAIL_SITE_NAME,
        "name": transcript.user.get_full_name().strip() or transcript.user.email,
        "rows": [
            {
                "line": line,
                "date_fr": date_in("fr", line.date),
                "date_en": date_in("en", line.date),
                "hours_fr": hours_in("fr", line.hours) if line.hours is not None else "",
                "hours_en": hours_in("en", line.hours) if line.hours is not None else "",
                "grade_fr": grade_in("fr", line.grade_band),
                "grade_en": grade_in("en", line.grade_band),
            }
            for line in lines
        ],
        "total_fr": hours_in("fr", total),
        "total_en": hours_in("en", total),
        "printed_fr": date_in("fr", timezone.now()),
        "printed_en": date_in("en", timezone.now()),
        "address": address if transcript.is_public else "",
        "qr": qr_svg_data_uri(address) if transcript.is_public else "",
    }


def render_pdf(transcript, lines):
    html = render_to_string("certificates/pdf/transcript.html", pdf_context(transcript, lines))
    return HTML(string=html).write_pdf()
