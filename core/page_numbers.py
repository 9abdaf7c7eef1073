"""A listing's page number as people and links write it: "3", nothing else."""

# Past this many digits a number is no page of any listing (and int() of thousands of
# digits raises): such a request is answered as any other odd page number.
MAX_DIGITS = 9


def plain_page_number(values):
    """The page number among a query's ``page`` values (["3"] → 3, [] → 1), or None when
    it is not one plain positive number."""
    if not values:
        return 1
    if len(values) > 1:
        return None
    value = values[0]
    if not (value.isascii() and value.isdigit()) or len(value) > MAX_DIGITS:
        return None
    return int(value) or None
