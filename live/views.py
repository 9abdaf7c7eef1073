"""The live-session pages."""

from django.shortcuts import get_object_or_404, render

from .models import LiveSession


def session_page(request, session_id):
    session = get_object_or_404(LiveSession, pk=session_id)
    return render(request, "live/session.html", {"session": session})
