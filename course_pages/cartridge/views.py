"""The instructor's export download (teaching side) and the admin import page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from wagtail.models import Locale

from core.roles import is_moderator
from course_pages.models import CoursePage, InstructorPage

from .errors import CartridgeError
from .export import export_course
from .forms import ExportForm, ImportForm
from .importing import import_cartridge


def courses_exportable_by(user):
    """Default-locale courses a person may export: her own; every one for a moderator."""
    courses = CoursePage.objects.filter(locale=Locale.get_default())
    return courses if is_moderator(user) else courses.filter(instructor__user=user)


@login_required
def export(request, course_id):
    course = get_object_or_404(courses_exportable_by(request.user), pk=course_id)
    form = ExportForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            data, filename = export_course(
                course=course, languages=form.languages(), request=request
            )
        except CartridgeError as failure:
            error = failure.message
        else:
            response = HttpResponse(data, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
    return render(
        request,
        "course_pages/cartridge/export.html",
        {"course": course, "form": form, "error": error},
        status=400 if error else 200,
    )


def own_instructor_page(user):
    return InstructorPage.objects.filter(user=user, locale=Locale.get_default()).first()


def import_view(request):
    """Moderators import for any instructor; an instructor for herself."""
    instructor = None
    if not is_moderator(request.user):
        instructor = own_instructor_page(request.user)
        if instructor is None:
            raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, instructor=instructor)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            context["result"] = import_cartridge(
                upload=form.cleaned_data["cartridge"],
                instructor=form.chosen_instructor(),
                category=form.cleaned_data["category"],
                user=request.user,
            )
        except CartridgeError as failure:
            form.add_error("cartridge", failure.message)
    status = 400 if form.errors else 200
    return TemplateResponse(request, "course_pages/cartridge/import.html", context, status=status)


def may_import(user):
    return is_moderator(user) or own_instructor_page(user) is not None
