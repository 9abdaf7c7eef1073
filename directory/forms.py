"""Front-end forms of a professional: the profile, a service, the answer to a review,
a private note about a client."""

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from accounts.phone import validate_cameroon_phone
from core import photos

from .models import Service, ServiceCategory, SpokenLanguage, Town

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class ProfileDetailsForm(forms.Form):
    """What a professional may change after creating the profile."""

    # Checked in the browser too (static/js/photo-check.js) with the server's limits, so
    # a too-large photo is refused before minutes of paid mobile data are spent on it.
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={
                "accept": photos.ACCEPT_ATTRIBUTE,
                "aria-describedby": "id_photo-problem",
                "data-max-bytes": MAX_PHOTO_BYTES,
                "data-too-big": _(
                    "“{name}” is larger than 5 MB. Choose a smaller photo or take it again "
                    "at a lower size."
                ),
                "data-wrong-type": _(
                    "“{name}” is not a photo we can read. Choose a JPEG, PNG, WebP or HEIC photo."
                ),
            }
        ),
    )
    bio_fr = forms.CharField(
        label=_("About you (French)"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    bio_en = forms.CharField(
        label=_("About you (English)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional: clients reading in English see this text."),
    )
    neighbourhood = forms.CharField(label=_("Neighbourhood"), max_length=120, required=False)
    travels_to_clients = forms.BooleanField(label=_("I travel to my clients"), required=False)
    travel_radius_km = forms.IntegerField(
        label=_("How far (km)"), min_value=0, max_value=1000, required=False
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages spoken"),
        queryset=SpokenLanguage.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    phone = PhoneNumberField(label=_("Phone"), region="CM", validators=[validate_cameroon_phone])
    whatsapp = PhoneNumberField(
        label=_("WhatsApp"), region="CM", required=False, validators=[validate_cameroon_phone]
    )

    def clean_photo(self):
        """The photo checked by its content and re-encoded (core.photos), ready to store."""
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        if photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is too large (5 MB at most)."))
        try:
            return photos.to_webp(photo)
        except photos.InvalidPhoto as error:
            raise forms.ValidationError(error.message) from error

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("travels_to_clients") and not cleaned.get("travel_radius_km"):
            self.add_error("travel_radius_km", _("Say how far you travel to your clients."))
        cleaned["travel_radius_km"] = cleaned.get("travel_radius_km") or 0
        return cleaned


class ProfileForm(ProfileDetailsForm):
    """The first version of a profile: the details, plus the name, trades and town."""

    title = forms.CharField(label=_("Business name"), max_length=120)
    specialities = forms.ModelMultipleChoiceField(
        label=_("Specialities"),
        queryset=ServiceCategory.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    town = forms.ModelChoiceField(label=_("Town"), queryset=Town.objects.all())

    field_order = ["title", "photo", "bio_fr", "bio_en", "specialities", "town"]


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "category",
            "name_fr",
            "name_en",
            "duration_minutes",
            "price_xaf",
            "deposit_kind",
            "deposit_value",
            "is_online",
            "is_active",
        ]
        widgets = {
            "price_xaf": forms.NumberInput(attrs={"inputmode": "numeric", "step": 500}),
            "deposit_value": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def clean(self):
        cleaned = super().clean()
        kind, value, price = (
            cleaned.get("deposit_kind"),
            cleaned.get("deposit_value"),
            cleaned.get("price_xaf"),
        )
        if kind == Service.DepositKind.PERCENT and value is not None and value > 100:
            self.add_error("deposit_value", _("A percentage goes up to 100."))
        if kind == Service.DepositKind.FIXED and None not in (value, price) and value > price:
            self.add_error("deposit_value", _("The deposit cannot be more than the price."))
        return cleaned


class ReviewResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Your answer"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClientNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Private note (only you see it)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Write a note of at most 2000 characters.")},
    )
