"""Search text without accents or case: "Yaoundé", "YAOUNDE" and "yaounde" are one word.

Folded in Python when a search row is written and when a query is read, so PostgreSQL
(no unaccent extension needed) and SQLite match the same way."""

import unicodedata

# Ligatures NFKD leaves whole: "nœuds" is typed "noeuds".
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
