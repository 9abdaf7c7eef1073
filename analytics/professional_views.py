"""A professional's dashboard under /directory/me/stats/ (hers) and a moderator's view of
any professional's under /directory/stats/<id>/, with the CSV export of each table.
Thin: the numbers come from professional_dashboard.py."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from wagtail.models import Locale

from core.roles import is_moderator
from directory.models import ProfessionalPage
from directory.selectors import professional_of

from . import professional_dashboard, selectors
from .views import period_from


def _professional(request, page_id):
    """Hers (page_id None), or any professional's for a moderator. Anyone else: 404."""
    if page_id is None:
        professional = professional_of(request.user)
        if professional is None:
            raise Http404
        return professional
    if not is_moderator(request.user):
        raise Http404
    return get_object_or_404(
        ProfessionalPage.objects.select_related("locale"), pk=page_id, locale=Locale.get_default()
    )


def _build(request, page_id):
    professional = _professional(request, page_id)
    days = period_from(request)
    built = professional_dashboard.build(
        professional=professional,
        days=days,
        # Her private notes are hers alone: a moderator's view leaves them out.
        with_notes=professional.user_id == request.user.pk,
        today=timezone.localdate(),
    )
    return professional, days, built


@login_required
def overview(request, page_id=None):
    professional, days, built = _build(request, page_id)
    return render(
        request,
        "analytics/professional_dashboard.html",
        {
            "professional": professional,
            "page_id": page_id,
            "days": days,
            "periods": selectors.PERIODS,
            **built,
        },
    )


@login_required
def export(request, table, page_id=None):
    professional, days, built = _build(request, page_id)
    found = built["tables"].get(table)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{table}-professional-{professional.pk}-{days}d.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([str(header) for header in found.headers])
    writer.writerows(found.rows)
    return response
