"""Forms of the booking pages: a chosen slot, the professional's rules, opening
hours, time off, and the client's review."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dates import EARLIEST_DAY, LATEST_DAY, last_plannable_day
from .models import Schedule, WeeklyHours
from .slots import DOUALA

RANGES_PER_DAY = 3


class SlotForm(forms.Form):
    """The start of a slot, as the slots page sends it (ISO 8601 with its offset)."""

    start = forms.CharField(max_length=40)

    def clean_start(self):
        try:
            start = datetime.datetime.fromisoformat(self.cleaned_data["start"])
        except ValueError:
            start = None
        # A time near year 1 or 9999 is no slot, and its arithmetic would overflow.
        if start is None or start.tzinfo is None or not EARLIEST_DAY <= start.date() <= LATEST_DAY:
            raise forms.ValidationError(_("Choose a time from the list."))
        return start


class RulesForm(forms.ModelForm):
    class Meta:
        model = Schedule
        fields = [
            "buffer_minutes",
            "min_notice_hours",
            "horizon_days",
            "full_refund_hours",
            "late_refund_percent",
        ]


class WeeklyHoursForm(forms.Form):
    """Up to three opening ranges per weekday, as time inputs; an empty pair is no range."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.days = []
        for weekday, label in WeeklyHours.Weekday.choices:
            pairs = []
            for index in range(RANGES_PER_DAY):
                edges = {
                    "start": _("%(day)s, range %(number)d: from"),
                    "end": _("%(day)s, range %(number)d: to"),
                }
                for edge, edge_label in edges.items():
                    self.fields[f"d{weekday}_{index}_{edge}"] = forms.TimeField(
                        required=False,
                        label=edge_label % {"day": label, "number": index + 1},
                        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                    )
                pairs.append((f"d{weekday}_{index}_start", f"d{weekday}_{index}_end"))
            self.days.append((label, pairs))

    @classmethod
    def initial_from(cls, schedule):
        initial, counts = {}, {}
        for hours in schedule.weekly_hours.all():
            index = counts.get(hours.weekday, 0)
            if index < RANGES_PER_DAY:
                initial[f"d{hours.weekday}_{index}_start"] = hours.start_time
                initial[f"d{hours.weekday}_{index}_end"] = hours.end_time
            counts[hours.weekday] = index + 1
        return initial

    def day_rows(self):
        """[(day label, [(start field, end field), ...])] for the template."""
        return [
            (label, [(self[start], self[end]) for start, end in pairs])
            for label, pairs in self.days
        ]

    def clean(self):
        cleaned = super().clean()
        self.ranges = []
        for weekday, _label in WeeklyHours.Weekday.choices:
            for index in range(RANGES_PER_DAY):
                start = cleaned.get(f"d{weekday}_{index}_start")
                end = cleaned.get(f"d{weekday}_{index}_end")
                if start is None and end is None:
                    continue
                if start is None or end is None or start >= end:
                    self.add_error(
                        f"d{weekday}_{index}_end",
                        _("Give both times, the end after the start."),
                    )
                    continue
                self.ranges.append((weekday, start, end))
        if not self.ranges and not self.errors:
            # An empty form would delete every opening hour at once: most likely a
            # mistake, and clients could no longer book. Time off closes for a while.
            raise forms.ValidationError(
                _(
                    "Give at least one opening range. To stop taking bookings for a while, "
                    "add time off below."
                )
            )
        return cleaned


class TimeOffForm(forms.Form):
    """Whole days (leave the times empty) or a few hours."""

    first_day = forms.DateField(
        label=_("From (day)"), widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d")
    )
    last_day = forms.DateField(
        label=_("To (day, included)"),
        required=False,
        widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d"),
    )
    from_time = forms.TimeField(
        label=_("From (time, optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    to_time = forms.TimeField(
        label=_("To (time, optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    reason = forms.CharField(label=_("Reason (only you see it)"), required=False, max_length=120)

    def clean(self):
        cleaned = super().clean()
        first_day = cleaned.get("first_day")
        if first_day is None:
            return cleaned
        last_day = cleaned.get("last_day") or first_day
        today, latest = timezone.localdate(), last_plannable_day()
        if first_day < today:
            self.add_error("first_day", _("Time off cannot start before today."))
        if max(first_day, last_day) > latest:
            self.add_error(
                "last_day" if cleaned.get("last_day") else "first_day",
                _("Time off can be planned up to two years ahead."),
            )
        if self.errors:
            return cleaned
        from_time = cleaned.get("from_time") or datetime.time()
        starts_at = datetime.datetime.combine(first_day, from_time, tzinfo=DOUALA)
        if cleaned.get("to_time"):
            ends_at = datetime.datetime.combine(last_day, cleaned["to_time"], tzinfo=DOUALA)
        else:
            ends_at = datetime.datetime.combine(
                last_day + datetime.timedelta(days=1), datetime.time(), tzinfo=DOUALA
            )
        if ends_at <= starts_at:
            raise forms.ValidationError(_("The end must come after the start."))
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        return cleaned


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Give a rating from 1 to 5 stars.")},
    )
    text = forms.CharField(
        label=_("Your review"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
