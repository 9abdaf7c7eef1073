"""The messaging pages: my conversations, one conversation, and writing to someone
new. Thin: read with selectors, write with services, show their answers."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors, services
from .errors import MessagingError, NotAllowed
from .page_context import conversation_context
from .permissions import check_may_write

CONVERSATIONS_PER_PAGE = 50
# The conversation page records voice notes: this page alone may use the microphone.
MICROPHONE_POLICY = "camera=(), microphone=(self), geolocation=(), payment=(), usb=()"


def positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


@login_required
def conversation_list(request):
    services.mark_all_delivered(user=request.user)
    page = Paginator(selectors.conversation_rows(request.user), CONVERSATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [
        {
            "seat": seat,
            "names": ", ".join(selectors.display_name(p) for p in selectors.others_in(seat))
            or _("Only you"),
            "last": seat.conversation.last_message,
        }
        for seat in page
    ]
    return render(request, "messaging/list.html", {"rows": rows, "items": page})


def seat_or_404(user, conversation_id):
    """The person's seat in the conversation; 404 for anyone else (or a forged id)."""
    seat = selectors.seat_for(user, conversation_id) if positive_int(conversation_id) else None
    if seat is None:
        raise Http404
    return seat


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@login_required
def conversation(request, conversation_id):
    seat = seat_or_404(request.user, conversation_id)
    before = positive_int(request.GET.get("before"))
    context = conversation_context(request, seat, before=before)
    if wants_json(request):
        # The next older page for infinite scroll.
        html = "".join(
            render_to_string("messaging/_message.html", item, request=request)
            for item in context["items"]
        )
        return JsonResponse({"html": html, "older": context["older"]})
    if before is None and seat.conversation.last_message_id:
        services.mark_read(user=request.user, conversation=seat.conversation)
    return render_conversation(request, context)


def render_conversation(request, context, *, status=200):
    response = render(request, "messaging/conversation.html", context, status=status)
    response["Permissions-Policy"] = MICROPHONE_POLICY
    return response


def _recipient(request):
    """(the person, context kind, context id) of ?to=<user id>&about=<kind>:<id>."""
    other = selectors.person_to_write(positive_int(request.GET.get("to")))
    kind, _sep, object_id = (request.GET.get("about") or "").partition(":")
    return other, kind[:30], object_id[:64]


@login_required
def new_conversation(request):
    """Write to someone from a course, a profile, a booking: shows the form, or the
    conversation when it already exists; refuses clearly when it may not start."""
    other, kind, object_id = _recipient(request)
    refusal = _("You can't write to this person yet.")
    if other is not None:
        existing = selectors.existing_conversation(request.user, other, kind, object_id)
        if existing is not None and selectors.is_participant(request.user.pk, existing.pk):
            return redirect("messaging:conversation", existing.pk)
        try:
            check_may_write(user=request.user, other=other, context_kind=kind, context_id=object_id)
            refusal = ""
        except NotAllowed as error:
            refusal = error.message
    if refusal:
        return render(request, "messaging/refused.html", {"message": refusal}, status=403)
    context = {"name": selectors.display_name(other), "error": "", "text": ""}
    context["about_title"], context["about_url"] = selectors.about_object(kind, object_id)
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            message = services.start_with_text(
                user=request.user,
                other=other,
                context_kind=kind,
                context_id=object_id,
                text=text,
                client_key=request.POST.get("client_key", ""),
            )
        except MessagingError as error:
            context.update(error=error.message, text=text)
        else:
            url = reverse("messaging:conversation", args=[message.conversation_id])
            return redirect(f"{url}#m{message.pk}")
    context["client_key"] = request.POST.get("client_key") or uuid.uuid4().hex
    return render(request, "messaging/new.html", context, status=400 if context["error"] else 200)
