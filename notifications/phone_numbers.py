"""The one check every SMS backend makes on a recipient: E.164 (+237…), nothing else.
accounts.phone turns what people type into E.164; notifications only refuses the rest
(and must not import accounts)."""

import re

from .sms_errors import InvalidPhoneNumber

# "+", a country code that does not start with 0, at most 15 digits in all.
E164 = re.compile(r"\+[1-9]\d{6,14}")


def require_e164(number):
    number = str(number)
    if not E164.fullmatch(number):
        raise InvalidPhoneNumber(f"{number!r} is not an E.164 phone number (+237…).")
    return number
