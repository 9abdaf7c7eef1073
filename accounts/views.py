"""'My account' pages. Thin: forms validate, services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import ProfileForm


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"account_user": request.user})


@login_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile has been saved."))
        # Show the account in the language the person just chose.
        with translation.override(user.preferred_language):
            return redirect(reverse("accounts:dashboard"))
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@require_POST
def request_instructor(request):
    services.request_instructor_role(user=request.user)
    messages.success(request, _("Thank you. A moderator will review your request to teach."))
    return redirect("accounts:dashboard")
