"""Both catalogues are complete and French follows French typography."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
NBSP = "\u00a0"
# Placeholders, tags, entities and addresses may hold ":" or ";" that are not prose.
NOT_PROSE = re.compile(r"%\([^)]*\)[sd]|\{[^}]*\}|%[sd]|<[^>]*>|&#?\w+;|https?://\S+")


def _entries(language):
    return list(polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po")))


def _texts(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_message_is_translated_and_none_is_fuzzy(language):
    missing = [
        entry.msgid
        for entry in _entries(language)
        if "fuzzy" in entry.flags or not all(_texts(entry))
    ]
    assert missing == []


def test_french_puts_a_no_break_space_before_high_punctuation():
    wrong = []
    for entry in _entries("fr"):
        for text in _texts(entry):
            prose = NOT_PROSE.sub("", text)
            if re.search(r"[^\u00a0\n][;?!](\s|$)|[^\W\d]:(\s|$)| [;:?!]", prose):
                wrong.append(text)
    assert wrong == []
