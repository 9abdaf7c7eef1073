"""The prod-smoke check of nginx's page cache: an anonymous course page is served from
the cache the second time (X-Cache-Status: HIT); a publish, made here through Django as
an editor would, purges it and the catalogue, so the next visitor sees the new text; a
signed-in person is never served from the cache, and what she saw is never cached.

Usage: edge_cache.py SITE_JSON (prod-smoke.sh passes SMOKE_BASE_URL, SMOKE_CA_FILE and
the production environment, FRONTEND_CACHE_PURGE_URL included)."""

import json
import os
import sys
import uuid
from pathlib import Path

import django

django.setup()

import requests  # noqa: E402
from realtime import cookie, person  # noqa: E402
from wagtail.models import Page  # noqa: E402


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL edge cache: {message}")


class Visitor:
    def __init__(self, base, ca_file, cookies=None):
        self.base, self.ca_file, self.cookies = base, ca_file, cookies or {}

    def get(self, path):
        # A fresh connection each time, as separate phones would make.
        response = requests.get(
            self.base + path, verify=self.ca_file, cookies=self.cookies, timeout=60
        )
        check(response.status_code == 200, f"{path} answered {response.status_code}")
        return response, response.headers.get("X-Cache-Status", "-")


def publish_a_change(path):
    """A new summary on the page at `path`, published: what an editor's publish does."""
    page = next(page for page in Page.objects.live().specific() if page.url == path)
    mark = f"édition {uuid.uuid4().hex[:6]}"
    page.summary = f"{page.summary} ({mark})"
    page.save_revision().publish()
    return mark


def main():
    site = json.loads(Path(sys.argv[1]).read_text())
    base, ca_file = os.environ["SMOKE_BASE_URL"].rstrip("/"), os.environ["SMOKE_CA_FILE"]
    anonymous = Visitor(base, ca_file)
    course, catalogue = site["course_url"], site["catalogue_url"]

    first, first_status = anonymous.get(course)
    shared = first.headers.get("Cache-Control", "")
    if "s-maxage" not in shared or "public" not in shared:
        print(f"not yet: the app does not mark public pages shareable (Cache-Control: {shared!r})")
        return
    anonymous.get(catalogue)
    _second, second_status = anonymous.get(course)
    _catalogue, catalogue_status = anonymous.get(catalogue)
    check(second_status == "HIT", f"the second anonymous view was {second_status}")
    print(f"ok   anonymous course page: {first_status}, then {second_status} ({shared})")

    mark = publish_a_change(course)
    after, after_status = anonymous.get(course)
    again, again_status = anonymous.get(course)
    _catalogue_after, catalogue_after_status = anonymous.get(catalogue)
    check(mark in after.text, f"the next view after a publish ({after_status}) lacks {mark!r}")
    check(after_status != "HIT", "the view after a publish came from the cache")
    check(again_status == "HIT" and mark in again.text, f"then {again_status}")
    check(catalogue_after_status != "HIT", "the catalogue was not purged")
    print(
        f"ok   publish purges: next view {after_status} with {mark!r}, then {again_status};"
        f" catalogue {catalogue_status} before, {catalogue_after_status} after"
    )

    student = person("Zéphyrine")
    signed_in = Visitor(base, ca_file, dict([cookie(student).split("=", 1)]))
    statuses = []
    for _ in range(2):
        response, status = signed_in.get(course)
        statuses.append(status)
        check("private" in response.headers.get("Cache-Control", ""), "no private policy")
    check("HIT" not in statuses, f"a signed-in view came from the cache: {statuses}")
    after_signed_in, status = anonymous.get(course)
    check(
        student.email not in after_signed_in.text and "Zéphyrine" not in after_signed_in.text,
        "a signed-in page reached the cache",
    )
    print(
        f"ok   signed in: {', '.join(statuses)} (never from the cache);"
        f" the next anonymous view ({status}) shows nothing of hers"
    )


if __name__ == "__main__":
    main()
