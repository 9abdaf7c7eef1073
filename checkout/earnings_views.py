"""An instructor's earnings, per month and course: their share, as the ledger has it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import reports
from .money import format_xaf


@login_required
def earnings(request):
    """Everyone sees only their own lines; someone who never sold anything sees none."""
    months = reports.earnings_by_month(payee=request.user)
    shown = [
        {
            "month": month.month,
            "totals": _amounts(month),
            "lines": [{"line": line, **_amounts(line)} for line in month.lines],
        }
        for month in months
    ]
    net_total = format_xaf(sum(month.net_xaf for month in months))
    return render(request, "checkout/earnings.html", {"months": shown, "net_total": net_total})


def _amounts(row):
    return {
        "earned": format_xaf(row.earned_xaf),
        "reversed": format_xaf(row.reversed_xaf),
        "net": format_xaf(row.net_xaf),
        "has_reversed": row.reversed_xaf > 0,
    }
