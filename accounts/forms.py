"""Forms people fill in about themselves: sign-up extras and profile."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from . import services
from .models import User
from .phone import validate_cameroon_phone

ROLE_CHOICES = [
    (services.ROLE_STUDENT, _("I want to learn (student)")),
    (services.ROLE_INSTRUCTOR, _("I want to teach (instructor, approved by a moderator)")),
    (services.ROLE_CLIENT, _("I want to book a professional (client)")),
]


def cameroon_phone_field(required=False):
    return PhoneNumberField(
        label=_("Phone"),
        region="CM",
        required=required,
        validators=[validate_cameroon_phone],
        error_messages={
            "invalid": _(
                "Enter a Cameroonian phone number, for example 6 77 12 34 56 or +237 677 12 34 56."
            )
        },
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "6XX XXX XXX"}
        ),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth adds e-mail and password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(
        label=_("I am joining to"),
        choices=ROLE_CHOICES,
        initial=services.ROLE_STUDENT,
        widget=forms.RadioSelect,
    )
    phone = cameroon_phone_field()

    field_order = ["first_name", "last_name", "email", "password1", "password2", "role", "phone"]

    def signup(self, request, user):
        services.apply_signup_choices(
            user=user,
            role=self.cleaned_data["role"],
            language=get_language(),
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
            phone=self.cleaned_data.get("phone"),
        )


class ProfileForm(forms.ModelForm):
    phone = cameroon_phone_field()

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "phone",
            "preferred_language",
            "region",
            "town",
            "data_saver",
            "tracking_opt_out",
        ]
