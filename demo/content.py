"""Reads the demo content files (demo/content/*.yaml): the texts live there, the
loaders in demo/loaders/ only turn them into pages and rows."""

from functools import cache
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"


@cache
def read(name):
    """The parsed file demo/content/<name>.yaml (read once per process)."""
    with (CONTENT / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def courses():
    """Every course file, in name order: a course comes after its prerequisites."""
    return [read(f"courses/{path.stem}") for path in sorted((CONTENT / "courses").glob("*.yaml"))]


def tr(value, lang):
    """The text of a {fr: ..., en: ...} pair in `lang`; any other value is the same in both."""
    return value[lang] if isinstance(value, dict) and lang in value else value
