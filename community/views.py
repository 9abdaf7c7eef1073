"""The group pages: find a group, create one, a group's page, its whole wall and its
calendar. Thin: read with selectors, write with services, show their refusals."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from enrolment.motivation.selectors import points_of
from messaging import services as messaging
from messaging.errors import MessagingError

from . import groups, selectors
from .errors import CommunityError
from .forms import GroupForm, GroupSearchForm
from .pages import canonical_redirect, group_or_404, inside_or_404, positive_int, viewer

GROUPS_PER_PAGE = 20
WALL_ON_GROUP_PAGE = 10
WALL_PER_PAGE = 20
SESSIONS_ON_GROUP_PAGE = 3


def group_list(request):
    form = GroupSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.listed_groups(
        town=filters.get("town"),
        speciality=filters.get("speciality"),
        language=filters.get("language", ""),
        query=filters.get("q", ""),
    )
    items = Paginator(found, GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(items)
    statuses = selectors.statuses_in(request.user, rows)
    names = selectors.speciality_names()
    cards = [
        {"group": g, "speciality": names.get(g.speciality_id, ""), "status": statuses.get(g.pk)}
        for g in rows
    ]
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "community/group_list.html",
        {
            "form": form,
            "cards": cards,
            "items": items,
            "query_string": query,
            "may_create": groups.may_create_group(request.user),
        },
    )


@login_required
def create_group(request):
    if not groups.may_create_group(request.user):
        message = _(
            "Only students enrolled in a course or holding a certificate can create a "
            "group. Enrol in a course first, or join an existing group."
        )
        return render(request, "community/refused.html", {"message": message}, status=403)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = groups.create_group(
                user=request.user,
                name=data["name"],
                description=data["description"],
                language=data["language"],
                speciality=data["speciality"],
                town=data["town"],
                is_open=data["is_open"],
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            return redirect(group.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "community/group_form.html", {"form": form}, status=status)


def group_page(request, group_id, slug):
    group = group_or_404(request, group_id)
    moved = canonical_redirect(group, slug)
    if moved:
        return moved
    standing = viewer(request, group)
    context = {"group": group, **standing, **_about(group)}
    if standing["may_see_inside"]:
        sessions = selectors.upcoming_sessions(group, viewer=request.user)[:SESSIONS_ON_GROUP_PAGE]
        shown, count = selectors.members(group)
        wall = list(
            selectors.wall(
                group,
                viewer_id=request.user.pk,
                show_hidden=standing["is_moderator"],
            )[: WALL_ON_GROUP_PAGE + 1]
        )
        # Points are for the members of a group that chose to show them (one query).
        points_shown = group.shows_points and (standing["is_member"] or standing["is_moderator"])
        if points_shown:
            points = points_of(member.user_id for member in shown)
            for member in shown:
                member.points = points[member.user_id]
        context.update(
            points_shown=points_shown,
            members=shown,
            member_count=count,
            sessions=sessions,
            coming=selectors.coming_names(sessions),
            resources=wall[:WALL_ON_GROUP_PAGE],
            more_on_wall=len(wall) > WALL_ON_GROUP_PAGE,
        )
    if standing["may_manage"]:
        context["requests"] = selectors.requests(group)
    return render(request, "community/group_page.html", context)


def _about(group):
    return {
        "speciality": selectors.speciality_names().get(group.speciality_id, ""),
        "owner_name": selectors.display_name(group.owner),
    }


def wall_page(request, group_id, slug):
    group = group_or_404(request, group_id)
    standing = inside_or_404(request, group)
    moved = canonical_redirect(group, slug)
    if moved:
        return moved
    resources = selectors.wall(
        group, viewer_id=request.user.pk, show_hidden=standing["is_moderator"]
    )
    items = Paginator(resources, WALL_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/wall.html",
        {"group": group, "items": items, "resources": list(items), **standing},
    )


def calendar_page(request, group_id, slug):
    group = group_or_404(request, group_id)
    standing = inside_or_404(request, group)
    moved = canonical_redirect(group, slug)
    if moved:
        return moved
    sessions = selectors.upcoming_sessions(group, viewer=request.user)
    return render(
        request,
        "community/calendar.html",
        {
            "group": group,
            "sessions": sessions,
            "coming": selectors.coming_names(sessions),
            **standing,
        },
    )


@login_required
def group_conversation(request, group_id):
    """The group's conversation (messaging), for its members."""
    group = group_or_404(request, positive_int(group_id) or 0)
    try:
        conversation = messaging.start_or_get_conversation(request.user, None, "group", group.pk)
    except MessagingError as error:
        raise Http404 from error
    return redirect("messaging:conversation", conversation.pk)
