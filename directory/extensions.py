"""What other apps add to the directory, registered at start-up (AppConfig.ready).

The directory sits below the apps that fill these hooks and knows none of them: the
booking app registers free days for the search, opening hours for profiles and the
rule that a booking shows the phone number. Without them the directory works alone
(no "available on" filter, no hours)."""

from core.cache_tags import invalidate

_hooks = {"availability": None, "opening_week": None}
# Page cache tags (core.cache_tags): free slots in searches by day, a profile's hours.
AVAILABILITY_TAG = "directory-availability"


def schedule_tag(professional_id):
    return f"service-slots:{professional_id}"


def schedule_changed(professional_id):
    """Called by the app that registered the hooks when a professional's hours, time off
    or bookings change: the searches by day and her profile are stale."""
    invalidate(AVAILABILITY_TAG, schedule_tag(professional_id))


_contact_rules = []


def register_availability_filter(finder):
    """`finder(day)` returns the ids of default-locale, live ProfessionalPages with a free
    slot on `day`; the search then offers an "Available on" filter."""
    _hooks["availability"] = finder


def availability_filter():
    """The registered free-day finder, or None (the search hides the filter)."""
    return _hooks["availability"]


def register_opening_week(reader):
    """`reader(professional_id)` returns [(day label, [opening ranges])], Monday first."""
    _hooks["opening_week"] = reader


def opening_week(professional):
    reader = _hooks["opening_week"]
    return reader(professional.pk) if reader else []


def register_contact_rule(rule):
    """`rule(*, client, professional)` is True when the client may see the phone number."""
    if rule not in _contact_rules:
        _contact_rules.append(rule)


def contact_unlocked(*, client, professional):
    return any(rule(client=client, professional=professional) for rule in _contact_rules)


_client_rules = []


def register_client_rule(rule):
    """`rule(*, client_id, professional_id)` is True when the person is one of her
    clients (she may keep a private note about her)."""
    if rule not in _client_rules:
        _client_rules.append(rule)


def is_client_of(*, client_id, professional_id):
    return any(rule(client_id=client_id, professional_id=professional_id) for rule in _client_rules)
