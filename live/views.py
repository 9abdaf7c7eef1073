"""The live-session pages: the upcoming sessions, one session (register, cancel, join),
my sessions, scheduling, and the sandbox room. Thin: read with selectors, write with
services, show their refusals."""

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from checkout.money import format_xaf

from . import (
    data_saver,
    ending,
    joining,
    presence,
    ratings,
    recordings,
    refund_policy,
    registration,
    scheduling,
    selectors,
)
from .errors import LiveError
from .forms import ScheduleForm, SessionFilterForm
from .models import LiveSession, Registration, SessionRecording
from .rooms.sandbox import read_room_token


def _refused(request, message, *, session=None, status=403):
    return render(
        request, "live/refused.html", {"message": message, "session": session}, status=status
    )


def _session_or_404(request, session_id):
    session = selectors.session_for(session_id, viewer=request.user)
    if session is None:
        raise Http404
    return session


def session_list(request):
    form = SessionFilterForm(request.GET or None, courses=selectors.courses_with_sessions())
    kind, course = "", None
    if form.is_valid():
        kind, course = form.cleaned_data.get("kind", ""), form.chosen_course()
    sessions = selectors.upcoming(viewer=request.user, kind=kind, course=course)
    return render(
        request,
        "live/session_list.html",
        {
            "form": form,
            "sessions": sessions,
            "course_titles": selectors.course_titles(sessions),
            "statuses": selectors.statuses_of(request.user, sessions),
        },
    )


def session_page(request, session_id):
    session = _session_or_404(request, session_id)
    status = selectors.statuses_of(request.user, [session]).get(session.pk)
    role = joining.role_of(
        request.user, session, registered=status == Registration.Status.REGISTERED
    )
    is_host = role == joining.MODERATOR
    context = {
        "session": session,
        "course_title": selectors.course_titles([session]).get(session.course_id, ""),
        "status": status,
        "is_host": is_host,
        "places_left": max(session.capacity - session.taken, 0),
        "may_join": role is not None and joining.window_open(session),
        "refusal": registration.eligibility_refusal(request.user, session)
        if request.user.is_authenticated and status is None and not is_host
        else None,
        "may_cancel_session": scheduling.may_cancel(request.user, session)
        and session.status == LiveSession.Status.SCHEDULED,
        "cost": data_saver.cost(session.duration_minutes),
        **_money(session),
    }
    if is_host or context["may_cancel_session"]:
        context["registrants"] = selectors.registrants(session)
        context["attendance"] = selectors.attendance(session)
        context["attendees"] = len({stay.user_id for stay in context["attendance"]})
        context["rating"] = ratings.summary(session)
        context["recordings"] = selectors.recordings_of(session) if is_host else []
    elif status == Registration.Status.REGISTERED:
        context["may_rate"] = ratings.may_rate(request.user, session)
    return render(request, "live/session.html", context)


def _money(session):
    """What a paid session costs and until when a cancelled place is refunded."""
    if session.is_free:
        return {}
    return {
        "price": session.price_label,
        "refund_until": refund_policy.full_refund_until(session),
        "refunds_now": refund_policy.refunds_if_cancelled(session),
    }


@login_required
@require_POST
def rate(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        stars = int(request.POST.get("stars", ""))
    except ValueError:
        stars = 0
    try:
        ratings.rate(
            user=request.user, session=session, stars=stars, comment=request.POST.get("comment", "")
        )
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    flash.success(request, _("Thank you for your rating."))
    return redirect("live:session", session.pk)


@login_required
@require_POST
def register(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        mine = registration.register(user=request.user, session=session)
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    if mine.status == Registration.Status.REGISTERED:
        flash.success(request, _("You are registered. We sent you the calendar file."))
    else:
        flash.info(request, _("The session is full: you are on the waiting list."))
    return redirect("live:session", session.pk)


@login_required
def cancel(request, session_id):
    """GET asks to confirm, saying whether the place's money comes back; POST cancels."""
    session = _session_or_404(request, session_id)
    if request.method != "POST":
        status = selectors.statuses_of(request.user, [session]).get(session.pk)
        if status not in (Registration.Status.REGISTERED, Registration.Status.WAITING):
            return _refused(
                request, _("You are not registered for this session."), session=session, status=400
            )
        return render(
            request,
            "live/cancel.html",
            {"session": session, "status": status, **_money(session)},
        )
    try:
        mine = registration.cancel(
            user=request.user,
            session=session,
            expect_refund=request.POST.get("expect_refund") == "1",
        )
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    if mine.refund is not None:
        flash.success(
            request,
            _("Your place is cancelled. We are giving back %(amount)s; a message follows.")
            % {"amount": format_xaf(mine.refund.amount_xaf)},
        )
    elif mine.order_id is not None:
        flash.success(
            request,
            _("Your place is cancelled. It was past the refund limit: nothing is refunded."),
        )
    else:
        flash.success(request, _("Your registration is cancelled."))
    return redirect("live:session", session.pk)


@login_required
@require_POST
def cancel_session(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        scheduling.cancel_session(by=request.user, session=session)
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    flash.success(request, _("The session is cancelled; everyone registered is told."))
    return redirect("live:session", session.pk)


@login_required
def join(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        address = joining.join(user=request.user, session=session)
    except LiveError as error:
        return _refused(request, error.message, session=session)
    return redirect(address)


@login_required
def my_sessions(request):
    registrations, hosted = selectors.my_sessions(request.user)
    return render(
        request,
        "live/my_sessions.html",
        {
            "registrations": registrations,
            "hosted": hosted,
            "may_schedule": ScheduleForm(user=request.user).may_schedule,
        },
    )


@login_required
def schedule(request):
    form = ScheduleForm(request.POST or None, user=request.user)
    if not form.may_schedule:
        return _refused(
            request,
            _(
                "Live sessions are scheduled by a course's instructor, a study group's "
                "owner or the academy's moderators."
            ),
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = scheduling.schedule_session(
                host=request.user,
                kind=data["kind"],
                course=data.get("course"),
                group=data.get("group"),
                title_fr=data["title_fr"],
                title_en=data["title_en"],
                description=data["description"],
                starts_at=form.starts_at(),
                duration_minutes=data["duration_minutes"],
                capacity=data["capacity"],
                price_xaf=data["price_xaf"],
                refund_hours=data["refund_hours"],
                allow_recording=data["allow_recording"],
            )
        except LiveError as error:
            form.add_error(None, error.message)
        else:
            flash.success(request, _("The session is scheduled."))
            return redirect("live:session", session.pk)
    status = 400 if form.errors else 200
    return render(request, "live/schedule.html", {"form": form}, status=status)


def _room_key(session_id):
    return f"live-room-{session_id}"


@login_required
def enter_room(request, token):
    """The sandbox's way in: a link made for this person by `join`, short-lived."""
    try:
        claim = read_room_token(token, max_age=settings.LIVE_ROOM_LINK_SECONDS)
    except signing.BadSignature:
        claim = None
    if claim is None or claim.get("u") != request.user.pk:
        return _refused(
            request,
            _("This room link is not yours or has expired. Use “Join” on the session's page."),
        )
    session = _session_or_404(request, claim["s"])
    try:
        role = joining.check_can_enter(request.user, session)
    except LiveError as error:
        return _refused(request, error.message, session=session)
    presence.enter(user=request.user, session=session, role=role)
    request.session[_room_key(session.pk)] = role
    return redirect("live:room", session.pk)


@login_required
def room(request, session_id):
    session = _session_or_404(request, session_id)
    role = request.session.get(_room_key(session.pk))
    if role is None:
        return _refused(
            request, _("Use “Join” on the session's page to enter the room."), session=session
        )
    if not joining.window_open(session):
        request.session.pop(_room_key(session.pk), None)
        presence.leave(user=request.user, session=session)
        flash.info(request, _("This session is over."))
        return redirect("live:session", session.pk)
    presence.seen(user=request.user, session=session)
    return render(
        request,
        "live/room.html",
        {
            "session": session,
            "role": role,
            "may_end": ending.may_end(request.user, session),
            "here": presence.here_now(session),
            "cost": data_saver.cost(session.duration_minutes),
        },
    )


@login_required
@require_POST
def leave_room(request, session_id):
    session = _session_or_404(request, session_id)
    request.session.pop(_room_key(session.pk), None)
    presence.leave(user=request.user, session=session)
    flash.info(request, _("You left the room."))
    return redirect("live:session", session.pk)


@login_required
@require_POST
def end_room(request, session_id):
    """The host ends the session for everyone (the sandbox room's "End")."""
    session = _session_or_404(request, session_id)
    try:
        ending.end_session(by=request.user, session=session)
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    request.session.pop(_room_key(session.pk), None)
    if session.allow_recording:
        flash.success(
            request, _("The session is over. Its recording appears here once it is fetched.")
        )
    else:
        flash.success(request, _("The session is over."))
    return redirect("live:session", session.pk)


@login_required
@require_POST
def add_recording(request, session_id, recording_id):
    session = _session_or_404(request, session_id)
    recording = SessionRecording.objects.filter(pk=recording_id, session=session).first()
    if recording is None:
        raise Http404
    try:
        lesson = recordings.add_to_course(by=request.user, recording=recording)
    except LiveError as error:
        return _refused(request, error.message, session=session, status=400)
    flash.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "The recording is a draft lesson of the course. Review it, then send it "
                "for publishing."
            ),
            reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
            _("Open the lesson"),
        ),
    )
    return redirect("live:session", session.pk)
