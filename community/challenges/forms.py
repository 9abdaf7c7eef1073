"""The forms of the challenge pages. They turn what people typed into Python values;
the rules (lengths, dates, who may) live in the services, whose refusals the views
show on the form."""

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import photos

from ..forms import DOUALA, speciality_field
from ..models import Challenge
from .posting import MAX_BRIEF_LENGTH, MAX_PRIZE_LENGTH, MAX_TITLE_LENGTH
from .services import MAX_CAPTION_LENGTH

BRIEF = {"rows": 5, "maxlength": MAX_BRIEF_LENGTH}


class ChallengeForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Kind of challenge"),
        choices=Challenge.Period.choices,
        widget=forms.RadioSelect,
        initial=Challenge.Period.WEEKLY,
    )
    title_fr = forms.CharField(
        label=_("Title in French"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_TITLE_LENGTH, "lang": "fr"}),
    )
    title_en = forms.CharField(
        label=_("Title in English"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_TITLE_LENGTH, "lang": "en"}),
    )
    brief_fr = forms.CharField(
        label=_("Brief in French"),
        required=False,
        widget=forms.Textarea(attrs={**BRIEF, "lang": "fr"}),
    )
    brief_en = forms.CharField(
        label=_("Brief in English"),
        required=False,
        widget=forms.Textarea(attrs={**BRIEF, "lang": "en"}),
    )
    opens_day = forms.DateField(
        label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    opens_time = forms.TimeField(
        label=_("at (Douala time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    deadline_day = forms.DateField(
        label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    deadline_time = forms.TimeField(
        label=_("at (Douala time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    prize = forms.CharField(
        label=_("Prize (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_PRIZE_LENGTH}),
    )

    photo_accept = photos.ACCEPT_ATTRIBUTE

    def __init__(self, *args, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {
                "opens_day": today,
                "opens_time": "08:00",
                "deadline_day": today + timedelta(days=7),
                "deadline_time": "20:00",
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["speciality"] = speciality_field(empty_label=None)
        self.order_fields(["period", "title_fr", "title_en", "brief_fr", "brief_en", "speciality"])

    def moment(self, name):
        """A day and a time typed in Douala, as an aware datetime."""
        day, time = self.cleaned_data[f"{name}_day"], self.cleaned_data[f"{name}_time"]
        return datetime.combine(day, time, tzinfo=DOUALA)


class EntryForm(forms.Form):
    caption = forms.CharField(
        label=_("Caption: what you did, and how"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_CAPTION_LENGTH}),
    )

    photo_accept = photos.ACCEPT_ATTRIBUTE
