"""First view on a 360x800 phone (device pixel ratio 2, the common cheap Android) of the
six pages students open most, with the data saver on and off: every byte fetched before
scrolling (HTML, CSS, JS, and each image as the browser picks it from srcset/sizes).
Budgets (issue 18): 60 KB with the data saver, 150 KB without.

    .venv/bin/python -m pytest tests/bench/bench_data_saver.py -s -q
"""

import re

import pytest

from ..home.builders import build_phone_pages
from ..shared_build import built_once_per_module
from .bench_page_weight import AssetCollector, asset_bytes

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

VIEWPORT_WIDTH = 360  # CSS px
PIXEL_RATIO = 2
REM = 16
SAVER_BUDGET = 60_000  # bytes
NORMAL_BUDGET = 150_000  # bytes
WORKER_BUDGET = 15_000  # bytes


def _slot_width(sizes):
    """The image's width in CSS px on the phone, from a sizes attribute."""
    for entry in (sizes or "100vw").split(","):
        entry = entry.strip()
        match = re.fullmatch(r"\(max-width:\s*([\d.]+)(px|rem|em)\)\s+(.+)", entry)
        if match:
            limit = float(match[1]) * (1 if match[2] == "px" else REM)
            if limit < VIEWPORT_WIDTH:
                continue
            entry = match[3]
        return _length(entry)
    return VIEWPORT_WIDTH


def _length(value):
    number = float(re.match(r"[\d.]+", value)[0])
    if value.endswith("vw"):
        return VIEWPORT_WIDTH * number / 100
    if value.endswith("rem") or value.endswith("em"):
        return number * REM
    return number


def pick_from_srcset(srcset, sizes):
    """The candidate a browser takes: the smallest whose density covers the screen's."""
    candidates = []
    for part in srcset.split(","):
        url, descriptor = part.strip().rsplit(" ", 1)
        if descriptor.endswith("w"):
            density = int(descriptor[:-1]) / _slot_width(sizes)
        else:
            density = float(descriptor[:-1])
        candidates.append((density, url))
    candidates.sort()
    for density, url in candidates:
        if density >= PIXEL_RATIO:
            return url
    return candidates[-1][1]


class PhoneAssetCollector(AssetCollector):
    """AssetCollector with each image as the phone picks it from srcset."""

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attrs = dict(attrs)
            if attrs.get("srcset"):
                attrs["src"] = pick_from_srcset(attrs["srcset"], attrs.get("sizes"))
            attrs = list(attrs.items())
        super().handle_starttag(tag, attrs)

    handle_startendtag = handle_starttag


def first_view(client, path, *, data_saver):
    headers = {"Save-Data": "on"} if data_saver else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    html = response.content
    collector = PhoneAssetCollector()
    collector.feed(html.decode(response.charset or "utf-8"))
    sizes = {"html": len(html), "css": 0, "js": 0, "img": 0}
    seen = set()
    for kind, url in collector.assets:
        if kind == "img_later" or url in seen:
            continue
        seen.add(url)
        sizes[kind] += len(asset_bytes(client, url))
    return {**sizes, "total": sum(sizes.values())}


phone_pages = built_once_per_module(build_phone_pages, "phone_pages_bench")


def measure_all(client, pages):
    return [
        (
            name,
            path,
            first_view(client, path, data_saver=True),
            first_view(client, path, data_saver=False),
        )
        for name, path in pages
    ]


def print_budgets(rows):
    print()
    print(f"First view at {VIEWPORT_WIDTH}x800, DPR {PIXEL_RATIO} (bytes, uncompressed)")
    print(
        f"{'page':<17} {'saver html':>10} {'saver img':>9} {'saver':>7}   {'normal img':>10} {'normal':>7}"
    )
    for name, _path, saver, normal in rows:
        print(
            f"{name:<17} {saver['html']:>10} {saver['img']:>9} {saver['total']:>7}   "
            f"{normal['img']:>10} {normal['total']:>7}"
        )
    print(f"budgets: data saver {SAVER_BUDGET}, normal {NORMAL_BUDGET}")


def test_data_saver_first_views(client, phone_pages_bench):
    rows = measure_all(client, phone_pages_bench)
    print_budgets(rows)
    worker = len(client.get("/sw.js").content)
    print(f"service worker: {worker} bytes (budget {WORKER_BUDGET})")
    for name, path, saver, normal in rows:
        assert saver["total"] <= SAVER_BUDGET, f"{name} {path} with data saver: {saver}"
        assert normal["total"] <= NORMAL_BUDGET, f"{name} {path}: {normal}"
    assert worker <= WORKER_BUDGET
