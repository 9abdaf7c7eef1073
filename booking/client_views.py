"""Client-facing booking pages: free slots, my bookings, one booking and what the
client may do with it. Thin: parse input, call a service, show its answer."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from checkout.money import format_xaf

from . import calls, changes, notices, selectors, services
from .dates import last_plannable_day, parse_day
from .errors import BookingError
from .forms import ReviewForm, SlotForm
from .models import Booking

# A week of slots per page: light on a phone, and the next week is one tap away.
DAYS_PER_PAGE = 7


def _refusal(request, message, *, status=400):
    return render(request, "booking/refused.html", {"message": message}, status=status)


def _localized(page):
    """The professional page in the visitor's language when it is live, else as is."""
    localized = page.localized
    return localized if localized.live else page


def _first_day(request):
    """The first day shown: ?from=YYYY-MM-DD, from today to the farthest day anyone
    may book (a date beyond would only overflow)."""
    today = timezone.localdate()
    asked = parse_day(request.GET.get("from")) or today
    return min(max(asked, today), last_plannable_day())


def _slots_context(request, service, *, ignore_booking_id=None):
    first_day = _first_day(request)
    window = selectors.slot_window(
        service=service,
        first_day=first_day,
        days=DAYS_PER_PAGE,
        ignore_booking_id=ignore_booking_id,
    )
    next_day = first_day + datetime.timedelta(days=DAYS_PER_PAGE)
    last_day = window["last_bookable_day"]
    previous_day = first_day - datetime.timedelta(days=DAYS_PER_PAGE)
    return {
        "service": service,
        "professional": _localized(service.professional),
        "days": selectors.slots_by_day(window["slots"]),
        "first_day": first_day,
        "next_day": next_day if last_day and next_day <= last_day else None,
        "previous_day": max(previous_day, timezone.localdate())
        if first_day > timezone.localdate()
        else None,
        "price": format_xaf(service.price_xaf),
        "deposit": format_xaf(service.deposit_xaf()),
        "policy": window["policy"],
    }


def slots(request, service_id):
    """Free slots of a service; choosing one holds it and goes to the deposit."""
    try:
        service = services.bookable_service(service_id)
    except BookingError as error:
        return _refusal(request, error.message, status=404)
    form = SlotForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        if form.is_valid():
            try:
                booking = services.hold_slot(
                    client=request.user,
                    service_id=service.pk,
                    starts_at=form.cleaned_data["start"],
                )
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(_next_step(booking))
    context = _slots_context(request, service)
    context["form"] = form
    status = 400 if form.errors else 200
    return render(request, "booking/slots.html", context, status=status)


def _next_step(booking):
    if booking.status == Booking.Status.HELD:
        return reverse("checkout:buy", args=["booking", booking.pk])
    return reverse("booking:detail", args=[booking.reference])


@login_required
def my_bookings(request):
    return render(request, "booking/my_bookings.html", selectors.bookings_of_client(request.user))


def _visible_booking(request, reference):
    """The booking, for its client or its professional only."""
    booking = get_object_or_404(
        Booking.objects.select_related(
            "service", "client", "professional", "professional__user", "professional__town"
        ),
        reference=reference,
    )
    if request.user.pk not in (booking.client_id, booking.professional.user_id):
        raise Http404
    return booking


@login_required
def detail(request, reference):
    booking = _visible_booking(request, reference)
    now = timezone.now()
    is_client = booking.client_id == request.user.pk
    context = {
        "booking": booking,
        "professional": _localized(booking.professional),
        "is_client": is_client,
        "is_professional": booking.professional.user_id == request.user.pk,
        "when": notices.when(booking),
        "deposit": format_xaf(booking.deposit_xaf),
        "is_future": booking.starts_at > now,
        "hold_is_live": booking.status == Booking.Status.HELD and booking.hold_expires_at > now,
        "can_review": is_client
        and booking.status == Booking.Status.COMPLETED
        and booking.review_id is None,
        "call_opens_at": timezone.localtime(calls.opens_at(booking)),
    }
    if is_client and context["hold_is_live"]:
        context["policy"] = selectors.schedule_of(booking.professional_id)
    if is_client and booking.status == Booking.Status.CONFIRMED:
        context["refund_if_cancelled"] = format_xaf(changes.client_refund_for(booking, now=now))
    return render(request, "booking/detail.html", context)


@login_required
def calendar_file(request, reference):
    booking = _visible_booking(request, reference)
    if not booking.shows_contact:
        raise Http404
    response = HttpResponse(
        notices.calendar_for(booking, cancelled=False), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


def _after_change(request, booking, message):
    messages.success(request, message)
    return redirect("booking:detail", reference=booking.reference)


def _refused_change(request, booking, error):
    messages.error(request, error.message)
    return redirect("booking:detail", reference=booking.reference)


def _cancel_outcome(booking, *, is_professional, now):
    """What cancelling now does to the money, in one sentence for the confirmation."""
    paid = changes.paid_deposit_xaf(booking)
    if not paid:
        return _("Nothing has been paid: the time is simply freed.")
    if is_professional:
        return _("The client's whole deposit, %(amount)s, will be refunded.") % {
            "amount": format_xaf(paid)
        }
    refund = changes.client_refund_for(booking, now=now)
    if refund >= paid:
        return _("Your whole deposit, %(amount)s, will be refunded.") % {"amount": format_xaf(paid)}
    if refund:
        return _(
            "%(refund)s of the %(paid)s you paid will be refunded (the professional's policy)."
        ) % {"refund": format_xaf(refund), "paid": format_xaf(paid)}
    return _(
        "The %(paid)s you paid will not be refunded: it is too late for the professional's policy."
    ) % {"paid": format_xaf(paid)}


def confirmation(request, booking, *, question, outcome, action):
    """The step before a change that cannot be undone: a plain form, no script needed."""
    context = {
        "booking": booking,
        "when": notices.when(booking),
        "question": question,
        "outcome": outcome,
        "action": action,
    }
    return render(request, "booking/confirm.html", context)


@login_required
def cancel(request, reference):
    """GET asks for confirmation (and says what happens to the money); POST cancels."""
    booking = _visible_booking(request, reference)
    is_professional = booking.professional.user_id == request.user.pk
    if request.method != "POST":
        if booking.status not in (Booking.Status.HELD, Booking.Status.CONFIRMED):
            return _refused_change(
                request, booking, BookingError(_("This booking can no longer be cancelled."))
            )
        return confirmation(
            request,
            booking,
            question=_("Cancel this appointment?"),
            outcome=_cancel_outcome(booking, is_professional=is_professional, now=timezone.now()),
            action=_("Yes, cancel the appointment"),
        )
    cancel_service = changes.cancel_by_professional if is_professional else changes.cancel_by_client
    try:
        booking = cancel_service(booking=booking, user=request.user)
    except BookingError as error:
        return _refused_change(request, booking, error)
    if booking.refund_due_xaf:
        message = _("The appointment is cancelled. %(amount)s will be refunded.") % {
            "amount": format_xaf(booking.refund_due_xaf)
        }
    else:
        message = _("The appointment is cancelled.")
    return _after_change(request, booking, message)


@login_required
def move(request, reference):
    """The client picks another free slot of the same service."""
    booking = get_object_or_404(
        Booking.objects.select_related("service", "service__professional"), reference=reference
    )
    if booking.client_id != request.user.pk:
        return _refusal(request, _("This booking is not yours."), status=403)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = changes.reschedule(
                booking=booking, user=request.user, starts_at=form.cleaned_data["start"]
            )
        except BookingError as error:
            form.add_error(None, error.message)
        else:
            return _after_change(
                request,
                booking,
                _("Your appointment has moved to %(when)s.") % {"when": notices.when(booking)},
            )
    context = _slots_context(request, booking.service, ignore_booking_id=booking.pk)
    context.update({"form": form, "booking": booking, "when": notices.when(booking)})
    return render(request, "booking/slots.html", context, status=400 if form.errors else 200)


@login_required
def review(request, reference):
    booking = get_object_or_404(Booking.objects.select_related("professional"), reference=reference)
    if booking.client_id != request.user.pk:
        return _refusal(request, _("This booking is not yours."), status=403)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changes.write_review(
                booking=booking,
                user=request.user,
                rating=form.cleaned_data["rating"],
                text=form.cleaned_data["text"],
            )
        except BookingError as error:
            form.add_error(None, error.message)
        else:
            return _after_change(request, booking, _("Thank you for your review!"))
    return render(
        request,
        "booking/review.html",
        {"form": form, "booking": booking, "professional": _localized(booking.professional)},
        status=400 if form.errors else 200,
    )
