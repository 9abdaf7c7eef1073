"""Certificate IDs: random, short and easy to type from paper, like BSA-7K3Q-9F2M."""

import re
import secrets

PREFIX = "BSA"
# Crockford's base 32 without 0, 1 (nor O, I, L, U): nothing that reads as another letter.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 2
GROUP_LENGTH = 4
CODE_LENGTH = len(PREFIX) + GROUPS * (GROUP_LENGTH + 1)
_BODY = re.compile(rf"^(?:{PREFIX})?([{ALPHABET}]{{{GROUPS * GROUP_LENGTH}}})$")


def new_code():
    """A fresh random ID (30^8 ≈ 6.6·10^11 possibilities; rate limits make guessing pointless)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return _format(body)


def normalise(raw):
    """The canonical form of a typed ID (any case, spaces, missing or extra dashes),
    or None when it cannot be a certificate ID."""
    compact = re.sub(r"[\s\-_.]", "", str(raw or "")).upper()
    match = _BODY.match(compact)
    return _format(match.group(1)) if match else None


def _format(body):
    groups = [body[i : i + GROUP_LENGTH] for i in range(0, len(body), GROUP_LENGTH)]
    return "-".join([PREFIX, *groups])
