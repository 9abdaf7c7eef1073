"""The forms of the live-session pages: they turn what people typed into Python
values; the rules (who may, ranges, overlaps) live in the services."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Group
from core.roles import is_moderator

from .models import MAX_CAPACITY, MAX_MINUTES, MIN_MINUTES, LiveSession
from .scheduling import DEFAULT_REFUND_HOURS, MAX_REFUND_HOURS, courses_taught

DOUALA = ZoneInfo("Africa/Douala")


class SessionFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *LiveSession.Kind.choices],
    )

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = {str(page.pk): page for page, _title in courses}
        self.fields["course"] = forms.ChoiceField(
            label=_("Course"),
            required=False,
            choices=[("", _("All courses")), *((str(p.pk), title) for p, title in courses)],
        )

    def chosen_course(self):
        return self.courses.get(self.cleaned_data.get("course") or "")


class ScheduleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of session"))
    course = forms.ModelChoiceField(label=_("Course (for a class)"), queryset=None, required=False)
    group = forms.ModelChoiceField(
        label=_("Study group (for a practice session)"), queryset=None, required=False
    )
    title_fr = forms.CharField(label=_("Title in French"), required=False, max_length=200)
    title_en = forms.CharField(label=_("Title in English"), required=False, max_length=200)
    description = forms.CharField(
        label=_("What you will do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
    )
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time (Douala)"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"),
        initial=60,
        widget=forms.NumberInput(attrs={"min": MIN_MINUTES, "max": MAX_MINUTES, "step": 15}),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        initial=MAX_CAPACITY,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_CAPACITY}),
    )
    price_xaf = forms.IntegerField(
        label=_("Price (FCFA)"),
        required=False,
        initial=0,
        min_value=0,
        help_text=_("0 for a free session. People pay by Mobile Money or card to register."),
        widget=forms.NumberInput(attrs={"min": 0, "step": 500}),
    )
    refund_hours = forms.IntegerField(
        label=_("Full refund until (hours before the start)"),
        required=False,
        initial=DEFAULT_REFUND_HOURS,
        min_value=0,
        help_text=_("A paid place cancelled later is not refunded."),
        widget=forms.NumberInput(attrs={"min": 0, "max": MAX_REFUND_HOURS}),
    )
    allow_recording = forms.BooleanField(label=_("Allow recording"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses_taught(user)
        self.fields["group"].queryset = Group.objects.filter(owner=user).order_by("name")
        kinds = []
        if self.fields["course"].queryset.exists():
            kinds.append(LiveSession.Kind.CLASS)
        if self.fields["group"].queryset.exists():
            kinds.append(LiveSession.Kind.PRACTICE)
        if is_moderator(user):
            kinds.append(LiveSession.Kind.EXPERT_QA)
        self.fields["kind"].choices = [(k.value, k.label) for k in kinds]
        if LiveSession.Kind.CLASS not in kinds:
            del self.fields["course"]
        if LiveSession.Kind.PRACTICE not in kinds:
            del self.fields["group"]
        self.may_schedule = bool(kinds)

    def clean_price_xaf(self):
        return self.cleaned_data.get("price_xaf") or 0

    def clean_refund_hours(self):
        hours = self.cleaned_data.get("refund_hours")
        return DEFAULT_REFUND_HOURS if hours is None else hours

    def starts_at(self):
        day, time = self.cleaned_data["day"], self.cleaned_data["time"]
        return datetime.combine(day, time, tzinfo=DOUALA)
