"""The person's switch for "online" / "seen 10 min ago" (the messages pages link here)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import presence


class PresenceForm(forms.Form):
    show_online = forms.BooleanField(
        label=gettext_lazy("Show when I am online, and when I was last seen"),
        required=False,
    )


@login_required
def presence_switch(request):
    current = presence.shows_online(request.user.pk)
    # An unticked box sends nothing: an empty POST is still an answer.
    data = request.POST if request.method == "POST" else None
    form = PresenceForm(data, initial={"show_online": current})
    if request.method == "POST" and form.is_valid():
        presence.set_show_online(user=request.user, show_online=form.cleaned_data["show_online"])
        messages.success(request, _("Your choice has been saved."))
        return redirect("messaging_presence:switch")
    return render(request, "messaging/presence_switch.html", {"form": form, "shows": current})
