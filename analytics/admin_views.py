"""The moderators' platform dashboard in the Wagtail admin and its CSV exports. Thin:
the numbers come from platform_dashboard.py; only moderators get them."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from core.roles import is_moderator

from . import platform_dashboard, selectors
from .views import period_from


def _build(request):
    if not is_moderator(request.user):
        raise PermissionDenied
    days = period_from(request)
    return days, platform_dashboard.build(days=days)


def platform(request):
    days, built = _build(request)
    return TemplateResponse(
        request,
        "analytics/admin/platform.html",
        {"days": days, "periods": selectors.PERIODS, **built},
    )


def platform_export(request, table):
    days, built = _build(request)
    found = built["tables"].get(table)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="platform-{table}-{days}d.csv"'
    writer = csv.writer(response)
    writer.writerow([str(header) for header in found.headers])
    writer.writerows(found.rows)
    return response
