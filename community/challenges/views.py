"""The challenge pages: the list, one challenge with its entries, posting a challenge,
entering (or replacing one's photo), voting, and the photos. Thin: read with
selectors, write with services, show their refusals (and keep what was typed)."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.private_files import serve_private

from ..errors import InvalidInput, NotAllowed, TooFast
from ..models import ChallengePhoto, Entry
from ..pages import positive_int
from . import posting, selectors, services
from .access import may_post_challenge, may_see_challenge, may_see_entry, moderates
from .forms import ChallengeForm, EntryForm


def _status(error):
    if isinstance(error, TooFast):
        return 429
    return 403 if isinstance(error, NotAllowed) else 400


def challenge_or_404(user, challenge_id):
    challenge = selectors.challenge_or_none(positive_int(challenge_id) or 0)
    if challenge is None or not may_see_challenge(user, challenge):
        raise Http404
    return challenge


def challenge_list(request):
    context = selectors.listing(page_number=request.GET.get("page"))
    context["may_post"] = may_post_challenge(request.user)
    return render(request, "community/challenges/list.html", context)


def challenge_page(request, challenge_id):
    challenge = challenge_or_404(request.user, challenge_id)
    return render_challenge(request, challenge)


def render_challenge(request, challenge, *, error="", status=200):
    """The challenge page, also after a refused vote (the refusal shown on it)."""
    user = request.user
    context = selectors.challenge_page(
        challenge=challenge, user=user, page_number=request.GET.get("page")
    )
    context.update(
        challenge=challenge,
        error=error,
        is_moderator=moderates(user),
        may_enter=context["state"] == "running"
        and challenge.is_visible
        and user.is_authenticated
        and context["mine"] is None
        and challenge.author_id != user.pk,
    )
    return render(request, "community/challenges/challenge.html", context, status=status)


@login_required
def new_challenge(request):
    if not may_post_challenge(request.user):
        return render(
            request,
            "community/refused.html",
            {"message": _("Only moderators and instructors can post a challenge.")},
            status=403,
        )
    form = ChallengeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            challenge = posting.post_challenge(
                user=request.user,
                period=data["period"],
                title_fr=data["title_fr"],
                title_en=data["title_en"],
                brief_fr=data["brief_fr"],
                brief_en=data["brief_en"],
                speciality=data["speciality"],
                opens_at=form.moment("opens"),
                deadline=form.moment("deadline"),
                prize=data["prize"],
                uploads=request.FILES.getlist("photos"),
            )
        except (InvalidInput, NotAllowed, TooFast) as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("The challenge is posted."))
            return redirect("challenges:challenge", challenge.pk)
    status = 400 if form.errors else 200
    return render(
        request, "community/challenges/challenge_form.html", {"form": form}, status=status
    )


@login_required
def enter(request, challenge_id):
    """Enter the challenge, or (once entered) replace one's photo until the deadline."""
    challenge = challenge_or_404(request.user, challenge_id)
    mine = Entry.objects.filter(challenge=challenge, author=request.user).first()
    form = EntryForm(request.POST or None, initial={"caption": mine.caption} if mine else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        values = {
            "user": request.user,
            "caption": form.cleaned_data["caption"],
            "photo": request.FILES.get("photo"),
            "before": request.FILES.get("before"),
        }
        try:
            if mine is None:
                entry = services.enter(challenge=challenge, **values)
            else:
                entry = services.replace_photo(entry=mine, **values)
        except (InvalidInput, NotAllowed, TooFast) as error:
            form.add_error(None, error.message)
            status = _status(error)
        else:
            if mine is None:
                flash.success(request, _("Your entry is in. Good luck!"))
            else:
                flash.success(request, _("Your new photo is saved."))
            return redirect(reverse("challenges:challenge", args=[challenge.pk]) + f"#e{entry.pk}")
    context = {"challenge": challenge, "form": form, "mine": mine}
    return render(request, "community/challenges/entry_form.html", context, status=status)


@login_required
@require_POST
def vote(request, entry_id):
    entry = get_object_or_404(Entry.objects.select_related("challenge"), pk=entry_id)
    if not may_see_entry(request.user, entry):
        raise Http404
    try:
        services.vote(user=request.user, entry=entry)
    except (InvalidInput, NotAllowed, TooFast) as error:
        return render_challenge(
            request, entry.challenge, error=error.message, status=_status(error)
        )
    flash.success(request, _("Your vote is counted. Thank you!"))
    return redirect(reverse("challenges:challenge", args=[entry.challenge_id]) + f"#e{entry.pk}")


ENTRY_FILES = {
    "after": "photo",
    "after-small": "photo_small",
    "before": "before",
    "before-small": "before_small",
}


def entry_photo(request, entry_id, which):
    entry = get_object_or_404(Entry.objects.select_related("challenge"), pk=entry_id)
    field = getattr(entry, ENTRY_FILES.get(which, ""), None)
    if not field or not may_see_entry(request.user, entry):
        raise Http404
    return serve_private(request, field, content_type="image/webp")


def example_photo(request, photo_id, size):
    shown = get_object_or_404(ChallengePhoto.objects.select_related("challenge"), pk=photo_id)
    if not may_see_challenge(request.user, shown.challenge):
        raise Http404
    field = shown.thumbnail if size == "small" else shown.image
    return serve_private(request, field, content_type="image/webp")
