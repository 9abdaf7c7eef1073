"""Fingerprints of a written answer: word shingles, their MinHash signature and its LSH
band keys (datasketch). Pure functions; enrolment.similarity stores and compares them."""

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from core.text import fold

NUM_PERM = 128
SEED = 22
# datasketch 2's scheme: 32-bit values, so a signature is 512 bytes.
SCHEME = "affine32"
# Below this many words two notes share too little to say one is a copy ("Merci !").
MIN_WORDS = 12
# Three words in a row: a changed word breaks three shingles, a moved sentence none.
SHINGLE_WORDS = 3
# Notes whose estimated Jaccard similarity reaches this are shown to the reviewers;
# the LSH is tuned a little lower so that pairs near the line are compared in full.
FLAG_AT = 0.5
_LSH = MinHashLSH(threshold=0.4, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r
# One set of permutations for every signature (drawing them is most of the cost).
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)

_SENTENCE_END = re.compile(r"[.!?;:\n]+")
_WORD = re.compile(r"\w+")


def words(text):
    return _WORD.findall(fold(text))


def shingles(text):
    """The set of word shingles, taken within each sentence, so sentences in another
    order give the same set."""
    found = set()
    for sentence in _SENTENCE_END.split(fold(text)):
        sentence_words = _WORD.findall(sentence)
        if not sentence_words:
            continue
        if len(sentence_words) < SHINGLE_WORDS:
            found.add(" ".join(sentence_words))
            continue
        for start in range(len(sentence_words) - SHINGLE_WORDS + 1):
            found.add(" ".join(sentence_words[start : start + SHINGLE_WORDS]))
    return found


def long_enough(text):
    return len(words(text)) >= MIN_WORDS


def signature(text):
    """The MinHash values of the text's shingles, as stored bytes."""
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=SCHEME
    )
    minhash.update_batch([shingle.encode() for shingle in sorted(shingles(text))])
    return minhash.hashvalues.astype("<u4").tobytes()


def band_keys(stored):
    """One signed 64-bit key per LSH band: two texts sharing a key are candidates."""
    values = np.frombuffer(stored, dtype="<u4")
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(stored, other):
    """Estimated Jaccard similarity of two stored signatures (0.0 to 1.0)."""
    mine, theirs = np.frombuffer(stored, dtype="<u4"), np.frombuffer(other, dtype="<u4")
    return float(np.count_nonzero(mine == theirs)) / NUM_PERM
