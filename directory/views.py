"""Front-end views of the directory. Thin: they parse input, call a service, and
show its answer. Every refusal is a translated message and changes nothing."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.page_locales import canonical
from core.rate_limits import rate_limit

from . import extensions, profiles, selectors
from .audience import contact_revealed
from .client_notes import notes_of, save_client_note
from .errors import DirectoryError
from .forms import ClientNoteForm, ProfileDetailsForm, ProfileForm, ReviewResponseForm, ServiceForm
from .models import ContactReveal, ProfessionalPage, Review, Town


# Visitors post without a CSRF token, so the public profile carries none and can be
# cached for everyone: a forged post could only reveal a number into the visitor's own
# session. Signed-in people's reveals are logged under their name: theirs keep the check.
@csrf_exempt
@require_POST
@rate_limit("RATELIMIT_PHONE_REVEAL")
def reveal_contact(request, page_id):
    """A tap on "show the number": logged, remembered in the session, no JavaScript needed."""
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    page = get_object_or_404(ProfessionalPage.objects.live(), pk=page_id)
    professional = canonical(page)
    viewer = request.user if request.user.is_authenticated else None
    ContactReveal.objects.create(professional=professional, viewer=viewer)
    transaction.on_commit(
        lambda: contact_revealed.send(
            sender=ContactReveal,
            professional_id=professional.pk,
            user_id=viewer.pk if viewer else None,
        )
    )
    revealed = request.session.get(selectors.REVEALED_CONTACTS_KEY, [])
    if professional.pk not in revealed:
        request.session[selectors.REVEALED_CONTACTS_KEY] = [*revealed, professional.pk]
    return redirect(page.get_url(request) + "#contact")


def _own_profile_or_404(user):
    professional = selectors.professional_of(user)
    if professional is None:
        raise Http404
    return professional


@login_required
def my_profile(request):
    professional = selectors.professional_of(request.user)
    if professional is None:
        return render(request, "directory/no_profile.html")
    context = {
        "professional": professional,
        "awaiting_approval": not professional.live,
        "services": professional.services.select_related("category"),
        "reviews": professional.reviews.select_related("author"),
        "stats": selectors.weekly_stats(professional),
        "certificates": selectors.certificates_of(request.user),
        "response_form": ReviewResponseForm(),
    }
    return render(request, "directory/my_profile.html", context)


@login_required
def create_profile(request):
    if selectors.professional_of(request.user) is not None:
        messages.info(request, _("You already have a professional profile."))
        return redirect("directory:my_profile")
    form = ProfileForm(request.POST or None, request.FILES or None, initial=_initial(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            profiles.create_profile(user=request.user, **data)
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you! A moderator checks your profile before it appears in the directory."),
            )
            return redirect("directory:my_profile")
    return render(request, "directory/profile_form.html", {"form": form})


@login_required
def edit_profile(request):
    professional = _own_profile_or_404(request.user)
    form = ProfileDetailsForm(
        request.POST or None, request.FILES or None, initial=_details_initial(professional)
    )
    if request.method == "POST" and form.is_valid():
        try:
            profiles.edit_profile(user=request.user, **form.cleaned_data)
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you! A moderator checks your changes; your public profile shows them once approved."
                ),
            )
            return redirect("directory:my_profile")
    return render(
        request, "directory/profile_edit_form.html", {"form": form, "professional": professional}
    )


def _details_initial(professional):
    """The form starts from the latest version, approved or still awaiting approval."""
    draft = professional.get_latest_revision_as_object()
    english = selectors.english_version(professional)
    return {
        "bio_fr": draft.bio,
        "bio_en": english.get_latest_revision_as_object().bio if english else "",
        "neighbourhood": draft.neighbourhood,
        "travels_to_clients": draft.travels_to_clients,
        "travel_radius_km": draft.travel_radius_km or None,
        "languages": list(draft.languages.all()),
        "phone": draft.phone or None,
        "whatsapp": draft.whatsapp or None,
    }


def _initial(user):
    town = Town.objects.filter(name__iexact=user.town).first() if user.town else None
    return {
        "title": user.get_full_name(),
        "phone": user.phone or None,
        "town": town,
        "languages": [],
    }


@login_required
def edit_service(request, service_id=None):
    professional = _own_profile_or_404(request.user)
    service = None
    if service_id is not None:
        service = get_object_or_404(professional.services, pk=service_id)
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        try:
            profiles.save_service(professional=professional, user=request.user, form=form)
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your service is saved."))
            return redirect("directory:my_profile")
    return render(request, "directory/service_form.html", {"form": form, "service": service})


@require_POST
@login_required
def respond_to_review(request, review_id):
    review = get_object_or_404(Review, pk=review_id)
    form = ReviewResponseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write an answer of at most 2000 characters."))
        return redirect("directory:my_profile")
    try:
        profiles.respond_to_review(
            review=review, user=request.user, text=form.cleaned_data["response"]
        )
    except DirectoryError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your answer is published under the review."))
    return redirect("directory:my_profile")


@login_required
def client_note(request, client_id):
    """Her private note about one of her clients. Someone who never booked her, or a
    visitor without a profile, is not found."""
    professional = _own_profile_or_404(request.user)
    if not extensions.is_client_of(client_id=client_id, professional_id=professional.pk):
        raise Http404
    client = get_object_or_404(get_user_model(), pk=client_id)
    note = notes_of(professional, client_ids=[client_id]).get(client_id, "")
    form = ClientNoteForm(request.POST or None, initial={"text": note})
    if request.method == "POST" and form.is_valid():
        try:
            save_client_note(
                professional=professional,
                user=request.user,
                client_id=client_id,
                text=form.cleaned_data["text"],
            )
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your note is saved."))
            return redirect(reverse("professional_stats:mine") + "#stats-clients")
    name = client.get_full_name() or _("Client %(id)s") % {"id": client_id}
    return render(request, "directory/client_note_form.html", {"form": form, "client_name": name})
