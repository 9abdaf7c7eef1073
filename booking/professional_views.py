"""The professional's side: bookings (today, upcoming, past), the week calendar,
availability and time off, and marking an appointment completed or missed."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.money import format_xaf
from directory.selectors import professional_of, week_start

from . import changes, schedules, selectors
from .client_views import confirmation
from .dates import parse_day, sane_day
from .errors import BookingError
from .forms import RulesForm, TimeOffForm, WeeklyHoursForm
from .models import Booking


def _own_profile(request):
    return professional_of(request.user)


def _no_profile(request):
    return render(
        request,
        "booking/refused.html",
        {"message": _("Create your professional profile first to take bookings.")},
        status=404,
    )


@login_required
def bookings(request):
    professional = _own_profile(request)
    if professional is None:
        return _no_profile(request)
    context = {"professional": professional, **selectors.bookings_of_professional(professional)}
    return render(request, "booking/professional_bookings.html", context)


@login_required
def week(request):
    professional = _own_profile(request)
    if professional is None:
        return _no_profile(request)
    monday = week_start(sane_day(parse_day(request.GET.get("week")) or timezone.localdate()))
    context = {
        "professional": professional,
        "monday": monday,
        "previous_week": monday - datetime.timedelta(days=7),
        "next_week": monday + datetime.timedelta(days=7),
        "days": selectors.week_of(professional, monday=monday),
        "today": timezone.localdate(),
    }
    return render(request, "booking/professional_week.html", context)


@login_required
def availability(request):
    professional = _own_profile(request)
    if professional is None:
        return _no_profile(request)
    schedule = schedules.schedule_for_editing(professional)
    action = request.POST.get("action") if request.method == "POST" else None
    rules_form = RulesForm(request.POST if action == "rules" else None, instance=schedule)
    hours_form = WeeklyHoursForm(
        request.POST if action == "hours" else None,
        initial=WeeklyHoursForm.initial_from(schedule),
    )
    time_off_form = TimeOffForm(request.POST if action == "time_off" else None)
    try:
        if action == "rules" and rules_form.is_valid():
            schedules.save_rules(schedule=schedule, **rules_form.cleaned_data)
            return _saved(request, _("Your booking rules are saved."))
        if action == "hours" and hours_form.is_valid():
            schedules.replace_weekly_hours(schedule=schedule, ranges=hours_form.ranges)
            return _saved(request, _("Your opening hours are saved."))
        if action == "time_off" and time_off_form.is_valid():
            data = time_off_form.cleaned_data
            schedules.add_time_off(
                schedule=schedule,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                reason=data["reason"],
            )
            return _saved(request, _("Time off added: no one can book you then."))
        if action == "remove_time_off":
            schedules.remove_time_off(schedule=schedule, time_off_id=request.POST.get("time_off"))
            return _saved(request, _("Time off removed."))
    except BookingError as error:
        messages.error(request, error.message)
    context = {
        "professional": professional,
        "rules_form": rules_form,
        "hours_form": hours_form,
        "time_off_form": time_off_form,
        "time_off": selectors.time_off_to_come(schedule),
    }
    status = 400 if action and request.method == "POST" else 200
    return render(request, "booking/availability.html", context, status=status)


def _saved(request, message):
    messages.success(request, message)
    return redirect("booking:availability")


def _mark_outcome(booking, outcome):
    paid = changes.paid_deposit_xaf(booking)
    if not paid:
        return _("No deposit was paid for this appointment.")
    if outcome == "completed":
        return _("The deposit of %(amount)s is kept: nothing is refunded.") % {
            "amount": format_xaf(paid)
        }
    return _("The client's deposit of %(amount)s is not refunded.") % {"amount": format_xaf(paid)}


@login_required
def mark(request, reference, outcome):
    """GET asks for confirmation (and says what happens to the deposit); POST marks."""
    booking = get_object_or_404(Booking.objects.select_related("professional"), reference=reference)
    if request.method != "POST":
        if booking.professional.user_id != request.user.pk:
            raise Http404
        completed = outcome == "completed"
        return confirmation(
            request,
            booking,
            question=_("Mark this appointment as completed?")
            if completed
            else _("Mark that the client did not come?"),
            outcome=_mark_outcome(booking, outcome),
            action=_("Yes, it is completed") if completed else _("Yes, the client did not come"),
        )
    mark_service = changes.mark_completed if outcome == "completed" else changes.mark_no_show
    try:
        mark_service(booking=booking, user=request.user)
    except BookingError as error:
        messages.error(request, error.message)
        return redirect("booking:professional_bookings")
    messages.success(request, _("The booking is updated."))
    return redirect("booking:detail", reference=booking.reference)
