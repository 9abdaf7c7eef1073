"""The two public verification forms: type an ID, or paste / upload a JSON credential."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import safe_json

from . import codes

MAX_CREDENTIAL_BYTES = 64 * 1024


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate ID"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "placeholder": "BSA-7K3Q-9F2M",
                "autocapitalize": "characters",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("This is not a certificate ID. IDs look like BSA-7K3Q-9F2M.")
            )
        return code


class CredentialForm(forms.Form):
    credential = forms.CharField(
        label=_("Paste the certificate's JSON file"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
    )
    upload = forms.FileField(label=_("…or choose the file"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is not None:
            if upload.size > MAX_CREDENTIAL_BYTES:
                raise forms.ValidationError(_("This file is too big to be a certificate."))
            raw = upload.read()
        else:
            raw = (cleaned.get("credential") or "").encode()
        if not raw.strip():
            raise forms.ValidationError(_("Paste the JSON of a certificate or choose its file."))
        if len(raw) > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(_("This text is too long to be a certificate."))
        try:
            cleaned["document"] = safe_json.loads(raw, max_bytes=MAX_CREDENTIAL_BYTES)
        except safe_json.UnsafeJSON as error:
            raise forms.ValidationError(
                _("This is not a certificate file: it is not valid JSON.")
            ) from error
        return cleaned
