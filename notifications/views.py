"""The in-site centre: the list, marking read, the bell's count for polling, the
preferences page. Everything is the signed-in person's own: another person's
notification is a 404."""

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import bell, selectors, services
from .forms import PreferencesForm, channel_headings
from .models import Notification, NotificationSettings
from .preferences import save_choices, stored_choices

PER_PAGE = 20


@login_required
@require_GET
def centre(request):
    page = Paginator(selectors.centre_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/centre.html", {"items": page})


@login_required
@require_GET
def open_notification(request, pk):
    """Follow a notification's link, marking it read on the way."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user, in_site=True)
    services.mark_read(user=request.user, notification_id=notification.pk)
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect(url)
    return redirect("notification_centre:list")


@login_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, user=request.user, in_site=True)
    services.mark_read(user=request.user, notification_id=notification.pk)
    return _back_to_list(request)


@login_required
@require_POST
def mark_all_read(request):
    if services.mark_read(user=request.user):
        messages.success(request, _("All your notifications are marked as read."))
    return _back_to_list(request)


def _back_to_list(request):
    url = reverse("notification_centre:list")
    page = request.POST.get("page", "")
    return redirect(f"{url}?page={page}" if page.isdigit() else url)


# Polled every few seconds on paid-per-MB data: a JSON answer needs no page policies
# (CSP, frame options apply to documents), so their ~370 bytes are left off.
@csp_exempt()
@xframe_options_exempt
@require_GET
def unread_count(request):
    """The bell's count for pages that poll: an unchanged answer is a bodiless 304."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to see your notifications.")}, status=403)
    unread, newest = selectors.bell_state(request.user)
    etag = f'"n{unread}-{newest}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = JsonResponse({"unread": unread, "label": bell.label(unread)})
    response["ETag"] = etag
    # Kept by the browser but asked again each time (the ETag makes that cheap).
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    settings_row = NotificationSettings.objects.filter(user=request.user).first()
    initial = {}
    if settings_row is not None:
        initial = {
            "quiet_from": settings_row.quiet_from,
            "quiet_to": settings_row.quiet_to,
            "digest": settings_row.digest,
        }
    stored = stored_choices(request.user)
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, user=request.user, initial=initial, stored=stored)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        save_choices(
            user=request.user,
            enabled=data["enabled"],
            quiet_from=data["quiet_from"],
            quiet_to=data["quiet_to"],
            digest=data["digest"],
        )
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notification_centre:preferences")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "grid": form.grid(), "channels": channel_headings()},
        status=status,
    )
