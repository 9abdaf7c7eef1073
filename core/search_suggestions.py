"""What the search boxes suggest as one types: the shape of a suggestion, how a typed
query becomes words, and how a name matches them (every word starts one of the name's
words, blind to accents and case: "tresse" finds "Tressé", "douala" finds "Douala").

The apps that suggest (course_pages, directory) and the view that joins their answers
(home) share these, so every box reads a query the same way."""

import hashlib
import re
from dataclasses import asdict, dataclass

from . import cache_tags
from .text import fold

MIN_QUERY_LENGTH = 2
# A longer query is no search a box would suggest for: it is answered with nothing
# before any word is read (a 5,000-character query costs nothing).
MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
# Labels are cut so an answer stays small on a paid-per-MB phone.
MAX_LABEL_LENGTH = 60
# A day: the tags' versions in the keys make changes show at once; this bounds memory.
CACHE_SECONDS = 24 * 3600

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Suggestion:
    kind: str
    kind_label: str
    label: str
    url: str

    def as_json(self):
        return asdict(self)


def suggestion(*, kind, kind_label, label, url):
    if len(label) > MAX_LABEL_LENGTH:
        label = label[: MAX_LABEL_LENGTH - 1].rstrip() + "…"
    return Suggestion(kind=kind, kind_label=str(kind_label), label=label, url=url)


def query_words(text):
    """The folded words of a typed query, or [] when there is nothing to suggest for
    (too short, too long, too many words, only punctuation)."""
    text = (text or "").strip()
    if not MIN_QUERY_LENGTH <= len(text) <= MAX_QUERY_LENGTH:
        return []
    words = WORD.findall(fold(text))
    if not words or len(words) > MAX_QUERY_WORDS or len("".join(words)) < MIN_QUERY_LENGTH:
        return []
    return words


def name_words(name):
    """A name as the words `matches` compares: folded, punctuation dropped."""
    return tuple(WORD.findall(fold(name)))


def matches(words, names_words):
    """True when every typed word starts a word of the name."""
    return all(any(part.startswith(word) for part in names_words) for word in words)


def versioned_key(prefix, tags, *parts):
    """A cache key that changes when any of `tags` is made stale (core.cache_tags):
    publishing, withdrawing or renaming what a suggestion shows needs no deletion."""
    versions = cache_tags.current_versions(tags)
    signature = "|".join([*(versions[tag] for tag in tags), *map(str, parts)])
    return f"{prefix}:{hashlib.sha256(signature.encode()).hexdigest()[:32]}"
