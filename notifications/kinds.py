"""The kinds of notification, registered by the app that owns each event (in its
AppConfig.ready()), so notifications knows no feature app and the preferences page
lists every kind there is."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.roles import is_moderator

SITE, EMAIL, SMS, PUSH = "site", "email", "sms", "push"
CHANNELS = (SITE, EMAIL, SMS, PUSH)
CHANNEL_LABELS = {
    SITE: _("Site"),
    EMAIL: _("E-mail"),
    SMS: _("SMS"),
    PUSH: _("Push"),
}
# What a kind sends unless its person changed it. SMS costs money: a kind adds it only
# for money and appointments.
DEFAULT_CHANNELS = frozenset({SITE, EMAIL, PUSH})

# The preferences page shows kinds by group, in this order; unknown groups come last.
GROUPS = {
    "account": _("Your account"),
    "money": _("Payments"),
    "appointments": _("Appointments"),
    "learning": _("Learning"),
    "messages": _("Messages"),
    "community": _("Community"),
    # Work waiting for the academy's moderators (a refund to make by hand...).
    "staff": _("For moderators"),
}


@dataclass(frozen=True)
class Kind:
    """One event people can be told about.

    ``essential`` kinds (account security, decisions on the person's account) always
    go out by e-mail, immediately, and cannot be switched off or put in the digest.
    ``staff_only`` kinds go to moderators only: nobody else sees them among their
    preferences."""

    key: str
    label: str  # lazy, translated
    group: str
    channels: frozenset = field(default=DEFAULT_CHANNELS)
    sms_allowed: bool = False
    essential: bool = False
    staff_only: bool = False

    def __post_init__(self):
        unknown = set(self.channels) - set(CHANNELS)
        if unknown:
            raise ValueError(f"Kind {self.key!r}: unknown channels {sorted(unknown)}")
        if SMS in self.channels and not self.sms_allowed:
            raise ValueError(f"Kind {self.key!r} sends SMS by default: set sms_allowed.")
        if self.essential and EMAIL not in self.channels:
            raise ValueError(f"Essential kind {self.key!r} must go out by e-mail.")

    def allows(self, channel):
        return channel != SMS or self.sms_allowed

    @property
    def group_label(self):
        return GROUPS.get(self.group, self.group)


_registry = {}


def register(*kinds):
    """Called from an app's ready(). Registering the same kind again (tests reloading an
    app) is harmless; two different kinds under one key are a mistake."""
    for kind in kinds:
        known = _registry.get(kind.key)
        if known is not None and known != kind:
            raise ValueError(f"Notification kind {kind.key!r} is registered twice.")
        _registry[kind.key] = kind


def get(key_or_kind):
    """The registered Kind for a key (LookupError when nobody registered it)."""
    key = getattr(key_or_kind, "key", key_or_kind)
    try:
        return _registry[key]
    except KeyError:
        raise LookupError(f"No notification kind {key!r} is registered.") from None


def is_registered(key):
    return key in _registry


def kinds_for(user):
    """The kinds a person can receive, so can choose for: staff-only ones for moderators."""
    staff = is_moderator(user)
    return [kind for kind in all_kinds() if staff or not kind.staff_only]


def all_kinds():
    """Every kind, grouped in GROUPS order, then by label."""
    order = {group: position for position, group in enumerate(GROUPS)}
    return sorted(
        _registry.values(), key=lambda kind: (order.get(kind.group, len(order)), str(kind.label))
    )
