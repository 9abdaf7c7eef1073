"""The checks every community text goes through: trimmed, required or not, and not
longer than its limit, each refusal saying what to do."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .errors import InvalidInput


def clean_text(value, *, limit, required=True, empty_message=None):
    text = (value or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise InvalidInput(empty_message or _("Write something before sending it."))
    if len(text) > limit:
        raise InvalidInput(
            _("This text can be %(limit)s characters at most; it has %(length)s. Shorten it.")
            % {
                "limit": number_format(limit, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            }
        )
    return text
