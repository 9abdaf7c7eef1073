"""The support panel's forms: finding a person, and the reason every action needs."""

from django import forms
from django.utils.translation import gettext_lazy


class FindPersonForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("E-mail, phone or name"),
        max_length=100,
        required=False,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy("Kept in the support log with your name and the time."),
        error_messages={
            "required": gettext_lazy("Give the reason: it is kept in the support log.")
        },
    )
