"""The mentorship pages: find a mentor, a mentor's offer, offering to mentor, my
mentorships and one mentorship. Thin: read with selectors, write with services, show
their refusals on the page. A mentorship the visitor is not part of does not exist."""

from urllib.parse import urlencode

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.roles import is_moderator
from messaging.errors import MessagingError
from messaging.services import start_or_get_conversation

from ..errors import CommunityError, NotAllowed
from ..models import MentorOffer
from ..pages import positive_int
from ..selectors import display_name, speciality_names
from . import asking, ending, offers, selectors
from .forms import AnswerForm, AskForm, FindForm, OfferForm, ReviewForm

MENTORS_PER_PAGE = 20


def _status(error):
    return 403 if isinstance(error, NotAllowed) else 400


def _refused(request, message, status=403):
    return render(request, "community/mentorship/refused.html", {"message": message}, status=status)


@login_required
def find(request):
    """Suggested mentors for the visitor, ranked and explained, with filters."""
    data = request.GET.copy()
    if not request.GET:
        town = selectors.town_of(request.user)
        data.update({"language": request.LANGUAGE_CODE[:2], "town": town.slug if town else ""})
    form = FindForm(data)
    wanted = form.cleaned_data if form.is_valid() else {}
    preferences = {
        "speciality": wanted.get("speciality"),
        "town": wanted.get("town"),
        "language": wanted.get("language", ""),
    }
    found = selectors.suggestions(
        viewer=request.user, strict=wanted.get("strict", False), **preferences
    )
    items = Paginator(found, MENTORS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(items)
    names = speciality_names()
    asked = selectors.open_with(request.user, [offer.user_id for offer in rows])
    cards = [
        {
            "offer": offer,
            "name": display_name(offer.user),
            "speciality": names.get(offer.speciality_id, ""),
            "reasons": selectors.reasons(offer, **preferences),
            "open": asked.get(offer.user_id),
        }
        for offer in rows
    ]
    query = urlencode({k: v for k, v in data.items() if k != "page" and v})
    context = {
        "form": form,
        "cards": cards,
        "items": items,
        "query_string": query,
        "may_mentor": offers.may_mentor(request.user),
        "has_offer": MentorOffer.objects.filter(user=request.user).exists(),
    }
    return render(request, "community/mentorship/find.html", context)


def _offer_or_404(request, offer_id):
    offer = selectors.offer_page(positive_int(offer_id) or 0)
    if offer is None:
        raise Http404
    if not (offer.is_visible or offer.user_id == request.user.pk or is_moderator(request.user)):
        raise Http404
    return offer


def _mentor_context(request, offer, form=None, error=""):
    current = selectors.open_with(request.user, [offer.user_id]).get(offer.user_id)
    own = offer.user_id == request.user.pk
    return {
        "offer": offer,
        "name": display_name(offer.user),
        "speciality": speciality_names().get(offer.speciality_id, ""),
        "languages": selectors.languages_label(offer),
        "places": selectors.places_label(offer.free),
        "reviews": selectors.reviews_of(offer),
        "current": current,
        "own": own,
        "may_ask": not own and current is None and not offer.is_paused and offer.free > 0,
        "form": form or AskForm(),
        "error": error,
    }


@login_required
def mentor_page(request, offer_id):
    offer = _offer_or_404(request, offer_id)
    return render(request, "community/mentorship/mentor.html", _mentor_context(request, offer))


@login_required
@require_POST
def ask(request, offer_id):
    offer = _offer_or_404(request, offer_id)
    form = AskForm(request.POST)
    form.is_valid()
    try:
        made = asking.ask(user=request.user, offer=offer, message=form.cleaned_data["message"])
    except CommunityError as error:
        context = _mentor_context(request, offer, form=form, error=error.message)
        return render(request, "community/mentorship/mentor.html", context, status=_status(error))
    flash.success(request, _("Your request is sent. The mentor will answer."))
    return redirect(made.get_absolute_url())


@login_required
def offer_form(request):
    """Offer to mentor, or change or pause the offer."""
    if not offers.may_mentor(request.user):
        return _refused(request, offers.not_eligible_message())
    current = MentorOffer.objects.filter(user=request.user).first()
    initial = {}
    if current is not None:
        initial = {
            "speciality": current.speciality_id,
            "languages": current.languages,
            "town": current.town.slug,
            "capacity": current.capacity,
            "bio": current.bio,
            "is_paused": current.is_paused,
        }
    form = OfferForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = offers.save_offer(
                user=request.user,
                speciality=data["speciality"],
                speaks_french="fr" in data["languages"],
                speaks_english="en" in data["languages"],
                town=data["town"],
                capacity=data["capacity"],
                bio=data["bio"],
                is_paused=data["is_paused"],
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("Your offer to mentor is saved."))
            return redirect(saved.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"form": form, "current": current}
    return render(request, "community/mentorship/offer_form.html", context, status=status)


@login_required
@require_POST
def pause(request):
    paused = request.POST.get("paused") == "1"
    try:
        offer = offers.set_paused(user=request.user, paused=paused)
    except CommunityError as error:
        return _refused(request, error.message, _status(error))
    if paused:
        flash.success(request, _("Your offer is paused: nobody new can ask you."))
    else:
        flash.success(request, _("Your offer is open again."))
    return redirect(offer.get_absolute_url())


@login_required
def mine(request):
    context = {
        **selectors.mine(request.user),
        "offer": MentorOffer.objects.filter(user=request.user).first(),
        "may_mentor": offers.may_mentor(request.user),
    }
    return render(request, "community/mentorship/mine.html", context)


def _mentorship_or_404(request, mentorship_id):
    mentorship = selectors.mentorship_page(positive_int(mentorship_id) or 0)
    if mentorship is None:
        raise Http404
    if mentorship.side_of(request.user) is None and not is_moderator(request.user):
        raise Http404
    return mentorship


def _mentorship_context(request, mentorship, **extra):
    side = mentorship.side_of(request.user)
    every_review = selectors.reviews_in(mentorship)
    # A review hidden by reports is still written: the form does not come back.
    written = {review.side for review in every_review}
    shown = [
        review
        for review in every_review
        if review.is_visible or review.side == side or is_moderator(request.user)
    ]
    other_id = mentorship.mentee_id if side == "mentor" else mentorship.mentor_id
    speciality = ""
    if mentorship.offer is not None:
        speciality = speciality_names().get(mentorship.offer.speciality_id, "")
    return {
        "mentorship": mentorship,
        "side": side,
        "speciality": speciality,
        "mentor_name": display_name(mentorship.mentor),
        "mentee_name": display_name(mentorship.mentee),
        "reviews": [(review, display_name(review.author)) for review in shown],
        "may_review": (
            side is not None
            and mentorship.status == mentorship.Status.ENDED
            and other_id is not None
            and side not in written
        ),
        "answer_form": extra.pop("answer_form", None) or AnswerForm(),
        "review_form": extra.pop("review_form", None) or ReviewForm(),
        "error": "",
        **extra,
    }


@login_required
def mentorship_page(request, mentorship_id):
    mentorship = _mentorship_or_404(request, mentorship_id)
    return render(
        request,
        "community/mentorship/mentorship.html",
        _mentorship_context(request, mentorship),
    )


def _refused_on_page(request, mentorship, error, **forms):
    context = _mentorship_context(request, mentorship, error=error.message, **forms)
    return render(request, "community/mentorship/mentorship.html", context, status=_status(error))


@login_required
@require_POST
def answer(request, mentorship_id):
    mentorship = _mentorship_or_404(request, mentorship_id)
    form = AnswerForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        if request.POST.get("decision") == "accept":
            asking.accept(by=request.user, mentorship=mentorship, weeks=data.get("weeks"))
            flash.success(request, _("You accepted: the mentorship starts now."))
        else:
            asking.decline(by=request.user, mentorship=mentorship, reason=data.get("reason", ""))
            flash.success(request, _("Request declined."))
    except CommunityError as error:
        return _refused_on_page(request, mentorship, error, answer_form=form)
    return redirect(mentorship.get_absolute_url())


@login_required
@require_POST
def withdraw(request, mentorship_id):
    mentorship = _mentorship_or_404(request, mentorship_id)
    try:
        asking.withdraw(user=request.user, mentorship=mentorship)
    except CommunityError as error:
        return _refused_on_page(request, mentorship, error)
    flash.success(request, _("Your request is withdrawn."))
    return redirect("mentors:mine")


@login_required
@require_POST
def end(request, mentorship_id):
    mentorship = _mentorship_or_404(request, mentorship_id)
    try:
        ending.end_early(user=request.user, mentorship=mentorship)
    except CommunityError as error:
        return _refused_on_page(request, mentorship, error)
    flash.success(request, _("The mentorship has ended. Leave a short review below."))
    return redirect(mentorship.get_absolute_url())


@login_required
@require_POST
def review(request, mentorship_id):
    mentorship = _mentorship_or_404(request, mentorship_id)
    form = ReviewForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        ending.review(
            user=request.user,
            mentorship=mentorship,
            rating=data.get("rating"),
            text=data.get("text", ""),
        )
    except CommunityError as error:
        return _refused_on_page(request, mentorship, error, review_form=form)
    flash.success(request, _("Thank you for your review."))
    return redirect(mentorship.get_absolute_url())


@login_required
def conversation(request, mentorship_id):
    """The two people's conversation about a mentorship under way (messaging)."""
    mentorship = _mentorship_or_404(request, mentorship_id)
    side = mentorship.side_of(request.user)
    other = mentorship.mentee if side == "mentor" else mentorship.mentor
    if side is None or other is None:
        raise Http404
    try:
        talk = start_or_get_conversation(request.user, other, "mentorship", mentorship.pk)
    except MessagingError as error:
        return _refused(request, error.message)
    return redirect("messaging:conversation", talk.pk)
