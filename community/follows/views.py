"""The "following" feed, following and unfollowing, and a member's public page. Thin:
read with selectors, write with services, show their refusals. The buttons are plain
forms: they work without JavaScript and come back to the page they were on."""

from functools import wraps

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from ..errors import CommunityError, NotAllowed
from ..selectors import display_name
from . import selectors, services

FEED_PER_PAGE = 20


def _refused(request, message, status):
    return render(
        request,
        "community/follows/refused.html",
        {"message": message, "back": _back(request, reverse("follows:feed"))},
        status=status,
    )


def _back(request, fallback):
    """Where the button was, when it is one of our own pages."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def post_only(view):
    """A clear answer, not a bare 405, for someone who opens a button's address."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            response = _refused(
                request,
                _("To follow or unfollow someone, use the button on their page."),
                405,
            )
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapped


@login_required
@post_only
def follow(request, user_id):
    person = selectors.member(user_id)
    try:
        created = services.follow(follower=request.user, followed=person)
    except CommunityError as error:
        status = 404 if person is None else 403 if isinstance(error, NotAllowed) else 400
        return _refused(request, error.message, status)
    values = {"name": display_name(person)}
    if created:
        flash.success(
            request,
            _("You now follow %(name)s: their news comes to your “Following” page.") % values,
        )
    else:
        flash.info(request, _("You already follow %(name)s.") % values)
    return redirect(_back(request, reverse("members:member", args=[person.pk])))


@login_required
@post_only
def unfollow(request, user_id):
    person = selectors.member(user_id)
    try:
        services.unfollow(follower=request.user, followed=person)
    except CommunityError as error:
        return _refused(request, error.message, 403 if isinstance(error, NotAllowed) else 400)
    flash.success(request, _("You no longer follow %(name)s.") % {"name": display_name(person)})
    return redirect(_back(request, reverse("follows:feed")))


@login_required
def feed(request):
    page = Paginator(selectors.feed(request.user), FEED_PER_PAGE).get_page(request.GET.get("page"))
    people = selectors.following(request.user)
    return render(
        request,
        "community/follows/feed.html",
        {
            "items": page,
            "lines": selectors.lines(page),
            "people": people,
            "suggestions": [] if people else selectors.suggested_instructors(request.user),
            "query_string": "",
        },
    )


def member_page(request, user_id):
    person = selectors.member(user_id)
    if person is None:
        raise Http404
    return render(
        request,
        "community/follows/member.html",
        {"person": person, **selectors.public_profile(person)},
    )
