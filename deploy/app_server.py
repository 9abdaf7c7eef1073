"""The app server: granian serving a WSGI application, every setting from the environment
(12-factor).

    python deploy/app_server.py [TARGET]        # TARGET: cms.wsgi:application

Why granian and not gunicorn (which served the site until issue 19's last stop): its
HTTP work is in Rust, outside the GIL. A page-cache hit costs ~0.45 ms of Django CPU and
gunicorn's own request handling (parsing, its thread pool, its poll loop, all in Python)
was another ~0.35 ms; on the load bench's 2-core box (two app servers behind nginx) the
same hits went from ~2,000 to ~2,400–2,900 per second with granian, and their p95 at 50
clients from 40–47 to 30–42 ms (README "Performance → Page cache").

Settings:
- WEB_BIND (host:port, default 0.0.0.0:$PORT or :8000);
- WEB_CONCURRENCY: processes, one per core by default — a hit is under a millisecond of
  CPU, and more processes than cores only add switches between them;
- WEB_THREADS: threads per process running Django (8): pages that render wait on
  PostgreSQL and Redis meanwhile;
- WEB_MAX_RSS_MB: a process grown past this is replaced (a slow leak never grows into an
  outage; unset: never);
- WEB_ACCESS_LOG=1 writes an access line per request (a host without a load balancer;
  nginx writes the site's, with the request id and which cache answered).
Forwarded headers are Django's business (SECURE_PROXY_SSL_HEADER, TRUSTED_PROXY_COUNT).
"""

import multiprocessing
import os
import sys

from granian import Granian
from granian.constants import Interfaces

# A stopped server lets requests under way finish for this long.
GRACEFUL_SECONDS = 20


# In a container or on a host of its own an app server takes connections on every
# interface; beside others on one host (the smoke) WEB_BIND names loopback.
ALL_INTERFACES = "0.0.0.0"  # noqa: S104


def bind():
    address = os.environ.get("WEB_BIND") or f"{ALL_INTERFACES}:{os.environ.get('PORT', '8000')}"
    host, _, port = address.rpartition(":")
    return host or ALL_INTERFACES, int(port)


def server(target):
    host, port = bind()
    max_rss = os.environ.get("WEB_MAX_RSS_MB")
    return Granian(
        target,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count()),
        blocking_threads=int(os.environ.get("WEB_THREADS", "8")),
        # Django keeps a database connection per thread: a thread that ends takes its
        # connection with it, so idle threads are kept as long as granian allows.
        blocking_threads_idle_timeout=600,
        # Pages only: the real-time servers (uvicorn, cms.asgi) hold the sockets.
        websockets=False,
        respawn_failed_workers=True,
        workers_max_rss=int(max_rss) if max_rss else None,
        workers_kill_timeout=GRACEFUL_SECONDS,
        log_access=os.environ.get("WEB_ACCESS_LOG", "") not in ("", "0"),
    )


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else "cms.wsgi:application"
    # Read by cms/wsgi.py in each process: tune the garbage collector for serving.
    os.environ["WEB_APP_SERVER"] = "1"
    server(target).serve()


if __name__ == "__main__":
    main()
