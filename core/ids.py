"""Reading a database id out of a URL or form value without trusting it."""

# A bigint holds 19 digits; anything longer cannot be a row of ours.
MAX_ID_DIGITS = 18


def parse_id(value):
    """The positive integer `value` spells in ASCII digits, or None.

    int() alone accepts "1_000", " 7 ", Arabic-Indic digits and thousands of digits
    (a ValueError past 4,300), which is not what an id in a URL can be."""
    text = str(value)
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= MAX_ID_DIGITS):
        return None
    number = int(text)
    return number or None
