"""Joining, asking, answering requests, leaving and handing over. Every answer works
without JavaScript: a form posts, the page comes back with a message or the refusal."""

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import groups, membership, selectors
from .errors import CommunityError, NotAllowed
from .models import Membership
from .pages import group_or_404, positive_int, viewer


def _refused(request, group, error):
    status = 403 if isinstance(error, NotAllowed) else 400
    return render(
        request,
        "community/refused.html",
        {"message": error.message, "group": group},
        status=status,
    )


@login_required
@require_POST
def join(request, group_id):
    group = group_or_404(request, group_id)
    try:
        membership.join(user=request.user, group=group)
    except CommunityError as error:
        return _refused(request, group, error)
    flash.success(request, _("Welcome to the group!"))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def ask(request, group_id):
    group = group_or_404(request, group_id)
    try:
        joined = membership.ask_to_join(user=request.user, group=group)
    except CommunityError as error:
        return _refused(request, group, error)
    if joined.status == Membership.Status.MEMBER:
        flash.success(request, _("Welcome to the group!"))
    else:
        flash.success(request, _("Your request is sent. The owner will answer."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def leave(request, group_id):
    group = group_or_404(request, group_id)
    try:
        still_there = membership.leave(user=request.user, group=group)
    except CommunityError as error:
        return _refused(request, group, error)
    if not still_there:
        flash.success(request, _("You left the group; it had no other members, so it is closed."))
        return redirect("community:list")
    flash.success(request, _("You left the group."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def answer_request(request, group_id, membership_id):
    group = group_or_404(request, group_id)
    asked = get_object_or_404(Membership, pk=membership_id, group=group)
    try:
        if request.POST.get("decision") == "approve":
            membership.approve(by=request.user, membership=asked)
            flash.success(request, _("Request approved: welcome to a new member."))
        else:
            membership.decline(by=request.user, membership=asked)
            flash.success(request, _("Request declined."))
    except CommunityError as error:
        return _refused(request, group, error)
    return redirect(group.get_absolute_url())


@login_required
def hand_over(request, group_id):
    group = group_or_404(request, group_id)
    standing = viewer(request, group)
    if not standing["may_manage"]:
        return _refused(
            request,
            group,
            NotAllowed(_("Only the group's owner or a moderator can hand it over.")),
        )
    error = ""
    if request.method == "POST":
        new_owner = (
            get_user_model()
            .objects.filter(pk=positive_int(request.POST.get("member")) or 0)
            .first()
        )
        try:
            membership.hand_over(by=request.user, group=group, new_owner=new_owner)
        except CommunityError as refused:
            error = refused.message
        else:
            flash.success(
                request,
                _("%(name)s now owns the group.") % {"name": selectors.display_name(new_owner)},
            )
            return redirect(group.get_absolute_url())
    others = (
        Membership.objects.filter(group=group, status=Membership.Status.MEMBER)
        .exclude(user_id=group.owner_id)
        .select_related("user")
        .order_by("created_at")
    )
    context = {
        "group": group,
        "choices": [(m.user_id, selectors.display_name(m.user)) for m in others],
        "error": error,
    }
    return render(request, "community/hand_over.html", context, status=400 if error else 200)


@login_required
@require_POST
def show_points(request, group_id):
    group = group_or_404(request, group_id)
    shown = request.POST.get("shown") == "1"
    try:
        groups.show_points(by=request.user, group=group, shown=shown)
    except CommunityError as error:
        return _refused(request, group, error)
    if shown:
        flash.success(request, _("Members now see each other's learning points."))
    else:
        flash.success(request, _("Learning points are no longer shown in the group."))
    return redirect(group.get_absolute_url())
