"""The preferences form: a kind × channel grid of checkboxes (``pref:<kind>:<channel>``),
quiet hours and the digest. Anything the page could not have sent is refused whole."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import kinds
from .kinds import CHANNEL_LABELS, CHANNELS

PREFIX = "pref:"


def field_name(kind, channel):
    return f"{PREFIX}{kind.key}:{channel}"


class PreferencesForm(forms.Form):
    quiet_from = forms.TimeField(
        label=gettext_lazy("Quiet from"), required=False, widget=forms.TimeInput(format="%H:%M")
    )
    quiet_to = forms.TimeField(
        label=gettext_lazy("Quiet until"), required=False, widget=forms.TimeInput(format="%H:%M")
    )
    digest = forms.BooleanField(
        label=gettext_lazy("One e-mail a day (a digest) instead of single e-mails"),
        required=False,
    )

    def __init__(self, *args, user, stored=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored = stored or {}
        self.kinds = kinds.kinds_for(user)
        for field in ("quiet_from", "quiet_to"):
            self.fields[field].widget.input_type = "time"

    def clean(self):
        cleaned = super().clean()
        quiet_from, quiet_to = cleaned.get("quiet_from"), cleaned.get("quiet_to")
        has_errors = "quiet_from" in self.errors or "quiet_to" in self.errors
        if not has_errors and (quiet_from is None) != (quiet_to is None):
            raise forms.ValidationError(_("Give both ends of the quiet hours, or neither."))
        if quiet_from is not None and quiet_from == quiet_to:
            raise forms.ValidationError(_("Quiet hours must start and end at different times."))
        cleaned["enabled"] = self._enabled_pairs()
        return cleaned

    def _enabled_pairs(self):
        visible = {kind.key for kind in self.kinds}
        enabled = set()
        for name in self.data:
            if not name.startswith(PREFIX):
                continue
            key, _sep, channel = name[len(PREFIX) :].rpartition(":")
            if key not in visible:
                raise forms.ValidationError(
                    _("Unknown kind of notification: %(kind)s.") % {"kind": key[:60]}
                )
            kind = kinds.get(key)
            if channel not in CHANNELS or not kind.allows(channel):
                raise forms.ValidationError(
                    _("“%(kind)s” cannot be sent by %(channel)s.")
                    % {"kind": kind.label, "channel": channel[:10]}
                )
            enabled.add((key, channel))
        return enabled

    def grid(self):
        """Rows for the template: group heading, kind, and one cell per channel."""
        enabled = self._posted_or_stored()
        rows, group = [], None
        for kind in self.kinds:
            cells = []
            for channel in CHANNELS:
                if not kind.allows(channel):
                    cells.append({"channel": channel, "allowed": False})
                    continue
                cells.append(
                    {
                        "channel": channel,
                        "label": CHANNEL_LABELS[channel],
                        "allowed": True,
                        "name": field_name(kind, channel),
                        "checked": kind.essential
                        and channel in kind.channels
                        or (not kind.essential and enabled(kind, channel)),
                        "disabled": kind.essential,
                    }
                )
            rows.append(
                {
                    "kind": kind,
                    "group": kind.group_label if kind.group != group else "",
                    "cells": cells,
                }
            )
            group = kind.group
        return rows

    def _posted_or_stored(self):
        if self.is_bound:
            return lambda kind, channel: field_name(kind, channel) in self.data
        return lambda kind, channel: self.stored.get((kind.key, channel), channel in kind.channels)


def channel_headings():
    return [CHANNEL_LABELS[channel] for channel in CHANNELS]
