import pytest
from django.utils import translation

from checkout.money import format_xaf, percent_of


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (5000, "fr", "5\xa0000\xa0FCFA"),
        (5000, "en", "FCFA\xa05,000"),
        (50000, "fr", "50\xa0000\xa0FCFA"),
        (1250000, "en", "FCFA\xa01,250,000"),
        (500, "fr", "500\xa0FCFA"),
    ],
)
def test_amounts_read_the_way_each_language_writes_them(amount, language, expected):
    assert format_xaf(amount, language) == expected
    with translation.override(language):
        assert format_xaf(amount) == expected


def test_shares_are_whole_francs_rounded_down():
    assert percent_of(5000, 70) == 3500
    assert percent_of(2999, 70) == 2099
