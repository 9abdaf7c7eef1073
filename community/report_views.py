"""Reporting a group or a wall resource (any registered kind): a short form, then back
to where it was shown."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import reports
from .errors import CommunityError
from .forms import ReportForm
from .pages import positive_int


@login_required
def report(request, kind, object_id):
    reportable, obj = reports.find(kind, positive_int(object_id) or 0)
    if obj is None or not reportable.may_see(request.user, obj):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.report(
                user=request.user,
                kind=kind,
                object_id=obj.pk,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("Thank you. A moderator will look at it."))
            return redirect(reportable.url(obj))
    context = {
        "form": form,
        "label": reportable.label,
        "excerpt": reportable.excerpt(obj),
        "back": reportable.url(obj),
    }
    return render(request, "community/report.html", context, status=400 if form.errors else 200)
