"""Cameroonian phone numbers: what we accept and how we store them (E.164)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CAMEROON_COUNTRY_CODE = 237


def parse_cameroon_phone(value):
    """Return the number as a PhoneNumber, or None when it is not Cameroonian and valid."""
    if isinstance(value, phonenumbers.PhoneNumber):
        number = value
    else:
        try:
            number = phonenumbers.parse(str(value), "CM")
        except phonenumbers.NumberParseException:
            return None
    if number.country_code != CAMEROON_COUNTRY_CODE or not phonenumbers.is_valid_number(number):
        return None
    return number


def validate_cameroon_phone(value):
    if parse_cameroon_phone(value) is None:
        raise ValidationError(
            _("Enter a Cameroonian phone number, for example 6 77 12 34 56 or +237 677 12 34 56."),
            code="invalid_phone",
        )
