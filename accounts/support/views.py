"""The support panel's pages, for moderators only: find a person, their page, and the
two-step form (reason, then confirmation) of each action. Reads come from the
registered sections, writes from services.perform."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import reject_request
from wagtail.admin.localization import get_localized_response
from wagtail.log_actions import LogContext

from core.roles import is_moderator
from notifications import selectors as notification_selectors

from ..models import User
from . import registry, selectors, services
from .forms import FindPersonForm, ReasonForm


def moderators_only(view):
    """Anonymous visitors go to the admin login; everybody else but moderators gets a
    403 (not Wagtail's redirect to the dashboard: support pages must say no plainly)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return reject_request(request)
        if not is_moderator(request.user):
            raise PermissionDenied
        with LogContext(user=request.user):
            return get_localized_response(view, request, *args, **kwargs)

    return checked


@moderators_only
def find_person(request):
    form = FindPersonForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    people = selectors.find_people(query)
    if len(people) == 1 and query:
        return redirect("support_person", person_id=people[0].pk)
    return TemplateResponse(
        request,
        "accounts/support/find_person.html",
        {"form": form, "query": query, "people": people},
    )


@moderators_only
def person_page(request, person_id):
    person = get_object_or_404(User.objects.prefetch_related("groups"), pk=person_id)
    sections = [
        {"section": section, "data": {"person": person, **section.load(person)}}
        for section in registry.sections()
    ]
    lockouts = selectors.lockouts_of(person)
    log = selectors.log_of(person)
    for entry in log:
        known = registry.action(entry.action)
        entry.label = known.label if known else entry.action
    return TemplateResponse(
        request,
        "accounts/support/person.html",
        {
            "person": person,
            "roles": selectors.roles_of(person),
            "sections": sections,
            "lockouts": lockouts,
            "locked": any(attempt.locked for attempt in lockouts),
            "sent": notification_selectors.sent_to(person),
            "log": log,
            "search_form": FindPersonForm(),
        },
    )


@moderators_only
@require_http_methods(["GET", "POST"])
def act(request, person_id, action_key, target_id):
    """GET: the reason (and any extra field). POST: checked, then shown for
    confirmation. POST with confirm: done, logged, back to the person page."""
    action = registry.action(action_key)
    if action is None:
        raise Http404
    person = get_object_or_404(User, pk=person_id)
    target = action.find(person, target_id)
    if target is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    reason_form = ReasonForm(data)
    extra_form = action.form_class(data, prefix="extra") if action.form_class else None
    context = {
        "person": person,
        "action": action,
        "target_id": target_id,
        "target_name": action.describe(target, {}),
        "reason_form": reason_form,
        "extra_form": extra_form,
    }
    if request.method == "GET":
        return TemplateResponse(request, "accounts/support/action.html", context)
    forms_valid = reason_form.is_valid() & (extra_form is None or extra_form.is_valid())
    if not forms_valid:
        return TemplateResponse(request, "accounts/support/action.html", context, status=400)
    extra = extra_form.cleaned_data if extra_form else {}
    context["target_name"] = action.describe(target, extra)
    try:
        if request.POST.get("confirm") != "1":
            context["consequence"] = action.consequence(target, extra)
            context["confirming"] = True
            return TemplateResponse(request, "accounts/support/action.html", context)
        outcome = services.perform(
            action=action,
            person=person,
            target=target,
            reason=reason_form.cleaned_data["reason"],
            by=request.user,
            data=extra,
        )
    except registry.ActionRefused as refused:
        context["problem"] = refused.message
        return TemplateResponse(request, "accounts/support/action.html", context, status=400)
    messages.success(request, outcome)
    return redirect("support_person", person_id=person.pk)
