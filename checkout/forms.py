"""The pay form: method, phone for Mobile Money, optional coupon."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .errors import InvalidPhone
from .models import Payment
from .services import normalise_phone

MOBILE_MONEY = {
    Payment.Provider.MTN_MOMO,
    Payment.Provider.ORANGE_MONEY,
    Payment.Provider.CAMPAY,
    Payment.Provider.SANDBOX,
}


def method_choices():
    return [
        (value, label)
        for value, label in Payment.Provider.choices
        if value in settings.CHECKOUT_PROVIDERS
    ]


class PayForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    method = forms.ChoiceField(label=_("Pay with"), widget=forms.RadioSelect)
    phone = forms.CharField(
        label=_("Mobile Money number"),
        required=False,
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "6XX XXX XXX"}
        ),
    )
    coupon = forms.CharField(label=_("Coupon code (optional)"), required=False, max_length=30)
    renew_automatically = forms.BooleanField(
        label=_("Renew automatically from this number"),
        help_text=_(
            "Three days before the end, your phone asks you to approve the next payment. "
            "You can turn this off at any time."
        ),
        required=False,
    )

    def __init__(self, *args, offers_renewal=False, **kwargs):
        """offers_renewal: a subscription, which may renew from the paying number."""
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = method_choices()
        if len(self.fields["method"].choices) == 1:
            self.fields["method"].initial = self.fields["method"].choices[0][0]
        if not offers_renewal:
            del self.fields["renew_automatically"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") not in MOBILE_MONEY:
            if cleaned.get("renew_automatically"):
                self.add_error(
                    "renew_automatically",
                    _("Automatic renewal works with MTN Mobile Money and Orange Money only."),
                )
            return cleaned
        if not cleaned.get("phone", "").strip():
            self.add_error("phone", _("Enter the phone number that will confirm the payment."))
        else:
            try:
                cleaned["phone"] = normalise_phone(cleaned["phone"])
            except InvalidPhone as error:
                self.add_error("phone", error.message)
        return cleaned


class ManualClaimForm(forms.Form):
    transaction_id = forms.CharField(
        label=_("Transaction id"),
        max_length=60,
        help_text=_("It is in the SMS the operator sent you after the transfer."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    payer_phone = forms.CharField(
        label=_("Number you paid from (optional)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
