"""@mentions: "@Linda.Tchoua" names the person whose first and last names are shown as
"Linda Tchoua" (spaces in a name typed as hyphens: "@Marie-Claire.Ngo"). Only people
who may read the forum are found, so nobody hears of a forum she can't open."""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q

from core.text import fold

from .access import readers_among

# A letter first, then letters, digits or hyphens, a dot, the same again. Not after a
# word character: "linda@example.cm" is an address, not a mention.
MENTION = re.compile(r"(?<![\w@.])@([^\W\d_][\w-]*)\.([^\W\d_][\w-]*)")
MAX_MENTIONS = 10
# People sharing a first or a last name with someone mentioned, read to compare names.
MAX_CANDIDATES = 500


def handles(text):
    """The distinct (first, last) pairs mentioned in `text`, case-folded, in order."""
    found = []
    for first, last in MENTION.findall(text or ""):
        pair = (first.casefold(), last.casefold())
        if pair not in found:
            found.append(pair)
    return found[:MAX_MENTIONS]


def handle_of(user):
    """How to mention `user` (shown next to her name)."""
    return "{}.{}".format(
        *(part.strip().replace(" ", "-") for part in (user.first_name, user.last_name))
    )


def _spellings(typed):
    """The ways a typed part may be stored: as typed, or with spaces for hyphens."""
    return {typed, typed.replace("-", " ")}


def _folded(name):
    return fold(name.strip()).replace(" ", "-")


def mentioned_readers(post):
    """The readers of the post's forum that it mentions (its author excluded). A name
    is matched without accents or case ("@aicha.mbarga" finds Aïcha Mbarga) once one
    of its two parts is spelt as stored, so the lookup stays an indexed query."""
    pairs = handles(post.body)
    if not pairs:
        return []
    either = Q(pk__in=[])
    for first, last in pairs:
        for name in _spellings(first):
            either |= Q(first_name__iexact=name)
        for name in _spellings(last):
            either |= Q(last_name__iexact=name)
    wanted = {(_folded(first), _folded(last)) for first, last in pairs}
    people = [
        person
        for person in get_user_model()
        .objects.filter(either, is_active=True)
        .exclude(pk=post.author_id or 0)
        .order_by("pk")[:MAX_CANDIDATES]
        if (_folded(person.first_name), _folded(person.last_name)) in wanted
    ]
    return readers_among(post.thread.forum, people)
