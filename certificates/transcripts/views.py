"""The transcript: the owner's choices, and the page, PDF and signed bundle that follow
them (public by choice; otherwise 404 to everyone but the owner and moderators)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from ..errors import CertificateError
from . import bundle, pdf, selectors, services


class ChoiceForm(forms.Form):
    is_public = forms.BooleanField(
        label=gettext_lazy("Anyone with the link may see my transcript"), required=False
    )
    shown = forms.MultipleChoiceField(
        label=gettext_lazy("Shown on my transcript"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown"].choices = [(line.code, line.title) for line in lines]


def _private(response):
    # A revocation or a change of mind must show at once: nobody keeps an old copy.
    patch_cache_control(response, private=True, no_cache=True, no_store=True)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def my_transcript(request):
    lines = selectors.lines_for(user=request.user)
    transcript = selectors.transcript_of(request.user)
    hidden = set(transcript.hidden_codes)
    initial = {
        "is_public": transcript.is_public,
        "shown": [line.code for line in lines if line.code not in hidden],
    }
    status = 200
    if request.method == "POST":
        form = ChoiceForm(request.POST, lines=lines)
        if form.is_valid():
            try:
                services.choose(
                    user=request.user,
                    is_public=form.cleaned_data["is_public"],
                    shown_codes=form.cleaned_data["shown"],
                )
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your transcript is saved."))
                return redirect("certificates:my_transcript")
        status = 400
    else:
        form = ChoiceForm(initial=initial, lines=lines)
    context = {"form": form, "transcript": transcript, "lines": lines}
    return _private(render(request, "certificates/my_transcript.html", context, status=status))


def _visible(request, token):
    transcript = selectors.find(token)
    if transcript is None or not selectors.can_see(user=request.user, transcript=transcript):
        raise Http404
    return transcript


@require_safe
def transcript(request, token):
    transcript = _visible(request, token)
    lines = selectors.shown_lines(transcript)
    context = {
        "transcript": transcript,
        "lines": lines,
        "owner_name": transcript.user.get_full_name().strip(),
        "total_hours": selectors.total_hours(lines),
    }
    return _private(render(request, "certificates/transcript.html", context))


@require_safe
def transcript_pdf(request, token):
    transcript = _visible(request, token)
    content = pdf.render_pdf(transcript, selectors.shown_lines(transcript))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="transcript.pdf"'
    return _private(response)


@require_safe
def transcript_bundle(request, token):
    transcript = _visible(request, token)
    document = bundle.signed_bundle(transcript, selectors.shown_lines(transcript))
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="transcript.json"'
    return _private(response)
