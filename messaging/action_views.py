"""What a person does in a conversation: send, mark read, block, report, export, and
open an attachment. Every answer works without JavaScript (a form, a redirect) and,
for send and read, as JSON for the page script."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.private_files import serve_private

from . import events, export, selectors, services
from .errors import MessagingError, TooFast
from .models import Message
from .page_context import conversation_context
from .views import positive_int, render_conversation, seat_or_404, wants_json


@login_required
@require_POST
def send(request, conversation_id):
    seat = seat_or_404(request.user, conversation_id)
    text = request.POST.get("text", "")
    common = {
        "user": request.user,
        "conversation": seat.conversation,
        "client_key": request.POST.get("client_key", ""),
    }
    try:
        if request.FILES.get("photo"):
            message = services.send_photo(upload=request.FILES["photo"], text=text, **common)
        elif request.FILES.get("voice"):
            message = services.send_voice(upload=request.FILES["voice"], **common)
        else:
            message = services.send_text(text=text, **common)
    except MessagingError as error:
        status = 429 if isinstance(error, TooFast) else 400
        if wants_json(request):
            return JsonResponse({"error": error.message}, status=status)
        context = conversation_context(request, seat, error=error.message, text=text)
        return render_conversation(request, context, status=status)
    if wants_json(request):
        html = events.message_html(message, mine=True, state="sent")
        return JsonResponse({"id": message.pk, "conversation": seat.conversation_id, "html": html})
    url = reverse("messaging:conversation", args=[seat.conversation_id])
    return redirect(f"{url}#m{message.pk}")


@login_required
@require_POST
def read(request, conversation_id):
    seat = seat_or_404(request.user, conversation_id)
    up_to = positive_int(request.POST.get("up_to"))
    read_up_to = services.mark_read(user=request.user, conversation=seat.conversation, up_to=up_to)
    return JsonResponse({"read": read_up_to, "unread": selectors.unread_total(request.user)})


def _the_other(request, conversation_id):
    seat = seat_or_404(request.user, conversation_id)
    other = selectors.the_other(seat)
    if other is None:
        raise Http404
    return seat, other


@login_required
@require_POST
def block(request, conversation_id):
    seat, other = _the_other(request, conversation_id)
    services.block(user=request.user, other=other)
    flash.success(
        request,
        _("You blocked %(name)s: neither of you can write to the other.")
        % {"name": selectors.display_name(other)},
    )
    return redirect("messaging:conversation", seat.conversation_id)


@login_required
@require_POST
def unblock(request, conversation_id):
    seat, other = _the_other(request, conversation_id)
    services.unblock(user=request.user, other=other)
    flash.success(request, _("%(name)s is unblocked.") % {"name": selectors.display_name(other)})
    return redirect("messaging:conversation", seat.conversation_id)


@login_required
def report(request, message_id):
    message = get_object_or_404(
        Message.objects.select_related("sender"), pk=positive_int(message_id) or 0
    )
    if not selectors.is_participant(request.user.pk, message.conversation_id):
        raise Http404
    error = ""
    if request.method == "POST":
        try:
            services.report(user=request.user, message=message, reason=request.POST.get("reason"))
        except MessagingError as refused:
            error = refused.message
        else:
            flash.success(request, _("Thank you. A moderator will read this message."))
            return redirect("messaging:conversation", message.conversation_id)
    context = {"message": message, "error": error, "reason": request.POST.get("reason", "")}
    return render(request, "messaging/report.html", context, status=400 if error else 200)


@login_required
def download_export(request):
    response = HttpResponse(
        export.export_json(request.user), content_type="application/json; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="messages-{day}.json"'
    return response


@login_required
def attachment(request, message_id):
    message = (
        Message.objects.filter(pk=positive_int(message_id) or 0).exclude(attachment="").first()
    )
    if message is None or not selectors.may_open_attachment(request.user, message):
        raise Http404
    notice = selectors.voice_not_ready(message)
    if notice:
        return HttpResponse(notice, status=409, content_type="text/plain; charset=utf-8")
    return serve_private(
        request, message.attachment, content_type=selectors.attachment_content_type(message)
    )
