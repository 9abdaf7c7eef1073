"""Parsing JSON that strangers send us (pasted credentials, payment webhooks) within
bounds: Python's json raises RecursionError on deep nesting and ValueError past 4,300
digits, and PostgreSQL cannot store a NUL character. Every such parse goes through
loads() here so each caller only has to catch one exception."""

import json
import math
import re

MAX_BYTES = 64 * 1024
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 40

# Strings are skipped when counting brackets: "[[[" inside a string is not nesting.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]")


class UnsafeJSON(ValueError):
    """Not JSON, or JSON beyond our bounds. A ValueError, like json's own errors."""


def _number(parse):
    def parse_bounded(text):
        if len(text) > MAX_NUMBER_CHARS:
            raise UnsafeJSON("number too long")
        value = parse(text)
        if isinstance(value, float) and not math.isfinite(value):
            raise UnsafeJSON("number out of range")
        return value

    return parse_bounded


def _refuse_constant(name):
    raise UnsafeJSON(f"{name} is not JSON")


def _check_depth(text, max_depth):
    depth = 0
    for bracket in _NOT_BRACKET.sub("", _STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        if depth > max_depth:
            raise UnsafeJSON("nested too deeply")


def _check_no_nul(value):
    if isinstance(value, str):
        if "\x00" in value:
            raise UnsafeJSON("NUL character")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_no_nul(key)
            _check_no_nul(item)
    elif isinstance(value, list):
        for item in value:
            _check_no_nul(item)


def loads(raw, *, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH):
    """The parsed value of `raw` (bytes or str), or UnsafeJSON."""
    if len(raw) > max_bytes:
        raise UnsafeJSON("too big")
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes | bytearray) else raw
    except UnicodeDecodeError as error:
        raise UnsafeJSON("not UTF-8") from error
    _check_depth(text, max_depth)
    try:
        value = json.loads(
            text,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_refuse_constant,
        )
    except UnsafeJSON:
        raise
    except ValueError as error:
        raise UnsafeJSON(str(error)) from error
    _check_no_nul(value)
    return value
