"""Sharing on a group's wall, editing it (the text before is kept), its photos, and
planning practice sessions and answering them."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.private_files import serve_private
from core.roles import is_moderator

from . import access, calendar, wall
from .errors import CommunityError
from .forms import ResourceForm, SessionForm
from .models import PracticeSession, Resource, ResourcePhoto
from .pages import group_or_404, inside_or_404


def _wall_fields(form):
    data = form.cleaned_data
    return {
        "text": data.get("text", ""),
        "supplier_name": data.get("supplier_name", ""),
        "supplier_town": data.get("supplier_town"),
        "supplier_phone": data.get("supplier_phone", ""),
    }


@login_required
def share(request, group_id):
    group = group_or_404(request, group_id)
    standing = inside_or_404(request, group)
    if not standing["may_post"]:
        return render(
            request,
            "community/refused.html",
            {"message": _("Join the group to share on its wall."), "group": group},
            status=403,
        )
    form = ResourceForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            resource = wall.post_resource(
                user=request.user,
                group=group,
                kind=form.cleaned_data["kind"],
                uploads=request.FILES.getlist("photos"),
                **_wall_fields(form),
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("Shared on the wall."))
            return redirect(group.get_absolute_url() + f"#r{resource.pk}")
    status = 400 if form.errors else 200
    return render(
        request, "community/resource_form.html", {"group": group, "form": form}, status=status
    )


def _resource_or_404(request, resource_id):
    resource = get_object_or_404(Resource.objects.select_related("group"), pk=resource_id)
    group = group_or_404(request, resource.group_id)
    inside_or_404(request, group)
    return resource, group


@login_required
def edit(request, resource_id):
    resource, group = _resource_or_404(request, resource_id)
    if not wall.may_edit(request.user, resource):
        raise Http404
    initial = {
        "text": resource.text,
        "supplier_name": resource.supplier_name,
        "supplier_town": resource.supplier_town.slug if resource.supplier_town_id else None,
        "supplier_phone": resource.supplier_phone.as_national if resource.supplier_phone else "",
    }
    form = ResourceForm(request.POST or None, initial=initial, group=group, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            wall.edit_resource(user=request.user, resource=resource, **_wall_fields(form))
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("Your changes are saved."))
            return redirect(group.get_absolute_url() + f"#r{resource.pk}")
    context = {
        "group": group,
        "form": form,
        "resource": resource,
        "revisions": resource.revisions.select_related("edited_by")[:20],
    }
    return render(
        request, "community/resource_form.html", context, status=400 if form.errors else 200
    )


def photo(request, photo_id, size):
    """A wall photo, for those who may read the wall (anyone for an open group;
    moderators: any reported one)."""
    shown = get_object_or_404(ResourcePhoto.objects.select_related("resource__group"), pk=photo_id)
    resource = shown.resource
    allowed = is_moderator(request.user) or (
        access.may_see_inside(request.user, resource.group)
        and (resource.is_visible or resource.author_id == request.user.pk)
    )
    if not allowed:
        raise Http404
    field = shown.thumbnail if size == "small" else shown.image
    return serve_private(request, field, content_type="image/webp")


@login_required
def plan(request, group_id):
    group = group_or_404(request, group_id)
    standing = inside_or_404(request, group)
    if not standing["may_post"]:
        return render(
            request,
            "community/refused.html",
            {"message": _("Join the group to plan a practice session."), "group": group},
            status=403,
        )
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            calendar.plan_session(
                user=request.user,
                group=group,
                title=form.cleaned_data["title"],
                starts_at=form.starts_at(),
                place=form.cleaned_data["place"],
                online=form.cleaned_data["online"],
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("The session is on the group's calendar."))
            return redirect(group.get_absolute_url() + "#calendar")
    status = 400 if form.errors else 200
    return render(
        request, "community/session_form.html", {"group": group, "form": form}, status=status
    )


@login_required
@require_POST
def rsvp(request, session_id):
    session = get_object_or_404(PracticeSession.objects.select_related("group"), pk=session_id)
    group = group_or_404(request, session.group_id)
    inside_or_404(request, group)
    try:
        calendar.rsvp(user=request.user, session=session, going=request.POST.get("going") == "yes")
    except CommunityError as error:
        return render(
            request,
            "community/refused.html",
            {"message": error.message, "group": group},
            status=403,
        )
    flash.success(request, _("Your answer is saved."))
    back = "calendar/" if request.POST.get("back") == "calendar" else "#calendar"
    return redirect(group.get_absolute_url() + back)
