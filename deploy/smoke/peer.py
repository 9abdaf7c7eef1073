"""Issue 19's peer figures: wagtail/bakerydemo on the same box, beside our own rows.

    BAKERYDEMO_DIR=/path/to/bakerydemo make prod-bench

runs this after our own cache-on and cache-off phases (prod-smoke.sh). Nothing of
bakerydemo's code comes into ours: it is a checkout of its own, with its own venv
(BAKERYDEMO_PYTHON, by default `<dir>/.venv/bin/python`; README "Figures against a
peer" says how to make one). Here it gets:

- its own PostgreSQL database on the same server (`bsa_peer_bakerydemo`, loaded once with
  its `load_initial_data`);
- our app server (deploy/app_server.py: granian, the same threads) with as
  many processes as our two app servers have together, straight on loopback — our
  figures cross nginx and TLS as well, so the comparison leans against us;
- "cache off" as it ships (no page cache), and "cache on" with Django's own per-site
  cache middleware on Redis (database 14), the nearest thing it has to our page cache.

Its blog index is compared with our catalogue, a blog page with our course page, at the
same clients and seconds as our rows (wrk, deploy/smoke/bench.lua)."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from bench import wrk

PEER_DB = "bsa_peer_bakerydemo"
PEER_PORT = int(os.environ.get("PEER_PORT", "8097"))
# Our catalogue and course page against its blog index and a blog post.
PAIRS = (("catalogue", "blog index"), ("course page", "blog page"))
SETTINGS = """
import os
from bakerydemo.settings.production import *  # noqa: F403
from bakerydemo.settings.production import MIDDLEWARE

SECURE_SSL_REDIRECT = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                      "LOCATION": os.environ["PEER_REDIS_URL"]}}
if os.environ.get("PEER_PAGE_CACHE") == "1":
    MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware", *MIDDLEWARE,
                  "django.middleware.cache.FetchFromCacheMiddleware"]
    CACHE_MIDDLEWARE_SECONDS = 600
"""


class Peer:
    def __init__(self):
        self.dir = Path(os.environ["BAKERYDEMO_DIR"]).resolve()
        self.python = os.environ.get("BAKERYDEMO_PYTHON", str(self.dir / ".venv/bin/python"))
        self.pg = os.environ.get("PEER_PG_URL", "postgres://postgres@127.0.0.1:5432")
        self.settings_dir = Path(tempfile.mkdtemp(prefix="bsa-peer-"))
        (self.settings_dir / "peer_bench_settings.py").write_text(SETTINGS)
        # A clean environment: ours (bucket, Redis, replica …) would switch its settings.
        self.env = {
            **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")},
            "DJANGO_SETTINGS_MODULE": "peer_bench_settings",
            "PYTHONPATH": f"{self.settings_dir}:{self.dir}",
            "DATABASE_URL": f"{self.pg}/{PEER_DB}",
            "DJANGO_SECRET_KEY": "peer-bench-only",
            "PEER_REDIS_URL": os.environ.get("PEER_REDIS_URL", "redis://127.0.0.1:6379/14"),
            "DJANGO_LOG_LEVEL": "WARNING",
        }

    def manage(self, *args):
        subprocess.run([self.python, "manage.py", *args], cwd=self.dir, env=self.env, check=True)

    def load_once(self):
        # Its production settings serve hashed static names from a manifest.
        self.manage("collectstatic", "--noinput", "-v0")
        # Its database is there once loaded (a failed load drops it: see below).
        reachable = subprocess.run(
            ["psql", f"{self.pg}/{PEER_DB}", "-tAc", "SELECT 1"], capture_output=True
        )
        exists = reachable.returncode == 0
        if exists:
            return
        subprocess.run(["createdb", f"--maintenance-db={self.pg}/postgres", PEER_DB], check=True)
        try:
            self.manage("migrate", "--noinput", "-v0")
            self.manage("load_initial_data")
        except subprocess.CalledProcessError:
            subprocess.run(["dropdb", f"--maintenance-db={self.pg}/postgres", PEER_DB])
            raise

    def serve(self, page_cache):
        """One app server with our launcher and our process count; returns it running."""
        processes = 2 * int(os.environ.get("WEB_CONCURRENCY", "1"))
        env = {
            **self.env,
            "PEER_PAGE_CACHE": "1" if page_cache else "0",
            "WEB_CONCURRENCY": str(processes),
            "WEB_BIND": f"127.0.0.1:{PEER_PORT}",
        }
        launcher = Path(__file__).resolve().parents[1] / "app_server.py"
        with socket.socket() as probe:
            # Another server on the port would be measured instead of this one.
            if probe.connect_ex(("127.0.0.1", PEER_PORT)) == 0:
                raise SystemExit(f"port {PEER_PORT} is taken: stop what listens there (PEER_PORT)")
        server = subprocess.Popen(
            [self.python, str(launcher), "bakerydemo.wsgi:application"],
            cwd=self.dir,
            env=env,
        )
        base = f"http://127.0.0.1:{PEER_PORT}"
        for _ in range(120):
            try:
                if requests.get(base + "/blog/", timeout=30).status_code == 200:
                    return server, base
            except requests.RequestException:  # not listening yet, or still importing
                pass
            time.sleep(0.5)
        server.terminate()
        raise SystemExit("bakerydemo did not answer on " + base)

    def blog_page(self, base):
        index = requests.get(base + "/blog/", timeout=30).text
        marker = 'href="/blog/'
        for chunk in index.split(marker)[1:]:
            slug = chunk.split('"', 1)[0]
            if slug and "?" not in slug:
                return "/blog/" + slug
        raise SystemExit("no blog post linked from bakerydemo's blog index")

    def measure(self, page_cache, clients, seconds):
        server, base = self.serve(page_cache)
        try:
            pages = (("blog index", "/blog/"), ("blog page", self.blog_page(base)))
            for _name, path in pages:
                for _ in range(3):  # warm, as our own runs are
                    requests.get(base + path, timeout=30)
            return {name: wrk(base + path, clients, seconds) for name, path in pages}
        finally:
            server.terminate()
            server.wait(timeout=30)


def our_row(rows, measure, page):
    return next((r for r in rows if r["measure"] == measure and r["page"] == page), None)


def main():
    seconds = int(os.environ.get("BENCH_SECONDS", "15"))
    ours = json.loads(Path(os.environ["SMOKE_BENCH_RESULTS"]).read_text())["rows"]
    peer = Peer()
    peer.load_once()
    off = peer.measure(page_cache=False, clients=20, seconds=seconds)
    on = peer.measure(page_cache=True, clients=50, seconds=seconds)
    print("\n  | measure | ours | req/s | p95 | bakerydemo | req/s | p95 | ratio (req/s) |")
    print("  | --- | --- | --- | --- | --- | --- | --- | --- |")
    for measure, theirs in (("cache off", off), ("app cache hit", on)):
        for our_page, their_page in PAIRS:
            mine = our_row(ours, measure, our_page)
            other = theirs[their_page]
            if mine is None:
                continue
            ratio = mine["rps"] / other["rps"] if other["rps"] else float("inf")
            print(
                f"  | {measure} | {our_page} | {mine['rps']:.0f} | {mine['p95_ms']:.0f} ms"
                f" | {their_page} | {other['rps']:.0f} | {other['p95_ms']:.0f} ms"
                f" | {ratio:.2f}× |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
