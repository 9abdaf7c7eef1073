"""What a person receives: the kind's defaults, overridden by the choices they stored,
and when SMS and push may wake them (quiet hours, Africa/Douala)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from . import kinds
from .kinds import CHANNELS
from .models import NotificationPreference, NotificationSettings

DOUALA = ZoneInfo("Africa/Douala")


@dataclass(frozen=True)
class Choices:
    """One person's choices for one kind, as notify() applies them."""

    channels: frozenset
    digest: bool = False
    quiet_from: object = None
    quiet_to: object = None

    def held_until(self, now=None):
        """When an SMS or a push may go out: None now, or the end of the quiet hours."""
        return quiet_hours_end(self.quiet_from, self.quiet_to, now or timezone.now())


def channels_for(kind, stored):
    """The channels on for ``kind``, given the person's stored {(kind, channel): on}."""
    if kind.essential:
        return frozenset(kind.channels)
    return frozenset(
        channel
        for channel in CHANNELS
        if kind.allows(channel) and stored.get((kind.key, channel), channel in kind.channels)
    )


def choices_for(user, kind):
    """Two small queries: this kind's stored choices and the person's settings row."""
    stored = {
        (kind.key, channel): enabled
        for channel, enabled in NotificationPreference.objects.filter(
            user=user, kind=kind.key
        ).values_list("channel", "enabled")
    }
    settings_row = NotificationSettings.objects.filter(user=user).first()
    if settings_row is None:
        return Choices(channels=channels_for(kind, stored))
    return Choices(
        channels=channels_for(kind, stored),
        # Essential mail is never put off until the digest.
        digest=settings_row.digest and not kind.essential,
        quiet_from=settings_row.quiet_from if settings_row.has_quiet_hours else None,
        quiet_to=settings_row.quiet_to if settings_row.has_quiet_hours else None,
    )


def stored_choices(user):
    """Every stored choice of a person, {(kind, channel): on} (the preferences page)."""
    return {
        (kind, channel): enabled
        for kind, channel, enabled in NotificationPreference.objects.filter(user=user).values_list(
            "kind", "channel", "enabled"
        )
    }


def quiet_hours_end(quiet_from, quiet_to, now):
    """None when ``now`` is outside the quiet hours [from, to) in Douala, else the
    moment they end. Hours may run over midnight (22:00 → 07:00)."""
    if quiet_from is None or quiet_to is None or quiet_from == quiet_to:
        return None
    local = now.astimezone(DOUALA)
    today = local.date()
    time = local.time().replace(tzinfo=None)
    if quiet_from < quiet_to:
        quiet = quiet_from <= time < quiet_to
        end_day = today
    else:
        quiet = time >= quiet_from or time < quiet_to
        end_day = today + timedelta(days=1) if time >= quiet_from else today
    if not quiet:
        return None
    return datetime.combine(end_day, quiet_to, tzinfo=DOUALA)


@transaction.atomic
def save_choices(*, user, enabled, quiet_from=None, quiet_to=None, digest=False):
    """Store what differs from the defaults. ``enabled``: the (kind, channel) pairs the
    person left on; every other pair of a non-essential kind they can receive is off.
    Choices for kinds they cannot see (staff-only ones) are left as they were."""
    differences = []
    visible = kinds.kinds_for(user)
    for kind in visible:
        if kind.essential:
            continue
        for channel in CHANNELS:
            if not kind.allows(channel):
                continue
            on = (kind.key, channel) in enabled
            if on != (channel in kind.channels):
                differences.append(
                    NotificationPreference(user=user, kind=kind.key, channel=channel, enabled=on)
                )
    NotificationPreference.objects.filter(
        user=user, kind__in=[kind.key for kind in visible]
    ).delete()
    NotificationPreference.objects.bulk_create(differences)
    if quiet_from is None and not digest:
        NotificationSettings.objects.filter(user=user).delete()
        return
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"quiet_from": quiet_from, "quiet_to": quiet_to, "digest": digest}
    )
