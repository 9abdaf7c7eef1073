"""Load figures through nginx and both app servers: requests/s and p95 latency on the
catalogue, a course page and a directory search at 20 and 50 concurrent clients, with wrk, each run
bounded in time (BENCH_SECONDS, default 5).

Usage: bench.py SITE_JSON (SMOKE_BASE_URL and SMOKE_CA_FILE in the environment)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import requests

LUA = Path(__file__).with_name("bench.lua")
CLIENTS = (20, 50)


def wrk(url, clients, seconds):
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(clients),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--script",
            str(LUA),
            "--header",
            "Accept-Language: fr",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    if shutil.which("wrk") is None:
        print("  skip  load figures: wrk is not installed (apt-get install wrk)")
        return
    site = json.loads(Path(sys.argv[1]).read_text())
    base = os.environ["SMOKE_BASE_URL"].rstrip("/")
    seconds = int(os.environ.get("BENCH_SECONDS", "5"))
    pages = [("catalogue", site["catalogue_url"]), ("course page", site["course_url"])]
    if site.get("directory_url"):
        pages.append(("search", site["directory_url"] + "?q=tresses&sort=rating"))
    # The first visit makes the image renditions (and stores them in the bucket): not
    # what a steady site does, so each page is loaded once before it is measured.
    for _name, path in pages:
        for _server in range(2):
            requests.get(base + path, verify=os.environ["SMOKE_CA_FILE"], timeout=120)
    print(
        f"  {'page':<12} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'non-2xx':>8} {'socket errors':>14}"
    )
    answered_badly = 0
    for name, path in pages:
        for clients in CLIENTS:
            figures = wrk(base + path, clients, seconds)
            answered_badly += figures["non_2xx"]
            print(
                f"  {name:<12} {clients:>7} {figures['requests'] / figures['seconds']:>8.1f} "
                f"{figures['p50_ms']:>8.1f} {figures['p95_ms']:>8.1f} "
                f"{figures['non_2xx']:>8} {figures['errors']:>14}",
                flush=True,
            )
    # Slow answers on a busy machine are figures; error statuses are failures.
    if answered_badly:
        sys.exit(f"{answered_badly} requests got an error status under load.")


if __name__ == "__main__":
    main()
