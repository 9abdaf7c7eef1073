"""Similar work, from the reviewer's side: her mark on a match, and the earlier photo
it matched (served only to those who may look at the later work)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.private_files import serve_private

from .errors import LearningError
from .models import SimilarityMatch
from .similarity_looks import can_look, record_look, sees_names


def _match_or_404(user, match_id):
    match = (
        SimilarityMatch.objects.select_related(
            "submission__enrolment__course__instructor", "other_photo"
        )
        .filter(pk=match_id)
        .first()
    )
    if match is None or not can_look(user=user, submission=match.submission):
        raise Http404
    return match


@login_required
@require_POST
def look(request, match_id):
    match = _match_or_404(request.user, match_id)
    try:
        record_look(by=request.user, match=match, verdict=request.POST.get("verdict", ""))
    except LearningError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your mark is recorded. It changes nothing by itself."))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    if sees_names(user=request.user, submission=match.submission):
        return redirect("teaching:decide", submission_id=match.submission_id)
    return redirect("learning:review_queue")


def earlier_photo(request, match_id):
    match = _match_or_404(request.user, match_id)
    if match.other_photo is None:
        raise Http404
    return serve_private(request, match.other_photo.image, content_type="image/webp")
