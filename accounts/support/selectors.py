"""Support's reads about a person that accounts owns: finding them, their roles, their
login lockouts and the support log."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import INSTRUCTORS_GROUP, MODERATORS_GROUP, SupportAction, User
from ..phone import parse_cameroon_phone

MAX_FOUND = 50


def find_people(query):
    """People whose e-mail, phone or name matches `query`, at most MAX_FOUND."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    match = Q(email__icontains=query)
    number = parse_cameroon_phone(query)
    if number is not None:
        match |= Q(phone=f"+{number.country_code}{number.national_number}")
    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) >= 6:
        match |= Q(phone__contains=digits)
    words = query.split()
    if words:
        by_name = Q()
        for word in words:
            by_name &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        match |= by_name
    return list(User.objects.filter(match).order_by("last_name", "first_name", "email")[:MAX_FOUND])


def roles_of(person):
    """The roles a person holds, as translated words (several at once)."""
    groups = {group.name for group in person.groups.all()}
    roles = []
    if person.is_superuser:
        roles.append(_("Administrator"))
    if MODERATORS_GROUP in groups:
        roles.append(_("Moderator"))
    if person.is_approved_instructor or INSTRUCTORS_GROUP in groups:
        roles.append(_("Instructor"))
    elif person.instructor_status:
        roles.append(person.get_instructor_status_display())
    if person.is_student:
        roles.append(_("Student"))
    if person.is_client:
        roles.append(_("Client"))
    return roles


def lockouts_of(person, *, now=None):
    """django-axes' failed-login records for this person's e-mail (one per address),
    each with `.locked` when it refuses logins now. The lock is per account and address
    (settings.AXES_LOCKOUT_PARAMETERS)."""
    now = now or timezone.now()
    since = now - settings.AXES_COOLOFF_TIME
    attempts = list(
        AccessAttempt.objects.filter(username=person.email.lower()).order_by("-attempt_time")
    )
    for attempt in attempts:
        attempt.locked = (
            attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
            and attempt.attempt_time >= since
        )
    return attempts


def log_of(person, *, limit=30):
    return list(
        SupportAction.objects.filter(person=person)
        .select_related("by")
        .order_by("-at", "-pk")[:limit]
    )
