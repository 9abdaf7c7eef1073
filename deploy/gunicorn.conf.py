"""gunicorn settings for an app server, all from the environment (12-factor).

gunicorn -c deploy/gunicorn.conf.py cms.wsgi
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# One process per core: a page-cache hit is a millisecond of CPU, and a process more
# than the cores only adds switches between them and an unequal share of the
# connections (two app servers on a 2-core box, two processes each, against one: hits
# at 50 clients p95 66 → 44 ms, req/s +20 %). Pages that render wait on PostgreSQL and
# Redis meanwhile: enough threads keep the core busy.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Uploads from a 3G phone are slow; the load balancer buffers them, so this is a
# bound on our own work, not on the client's link.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows into an outage, but seldom: a
# recycle leaves an app server of one process without any for a second or so (the
# master starts the next when the last has gone), and at the evening peak a worker
# answered 50,000 requests in a minute (the load bench's home page: p95 3.4 s). The site
# is loaded once, in the master, before the workers are forked (preload_app), so the next
# one answers at once instead of importing the site for four seconds. Nothing opens a
# database or Redis connection while the site loads (both open on first use, per
# thread; redis-py's pools start again after a fork).
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = 50000
# The load balancer is the only client; trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# nginx writes the site's access log, with the request id the app's own lines carry and
# the app server that answered (deploy/nginx.conf.template): a second line per request
# here cost an eighth of a page-cache hit's CPU. GUNICORN_ACCESS_LOG=- writes it again
# (a host without a load balancer).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "bsa-web")
# The control socket defaults to one path per user, which several app servers on one
# host would share: only open it where asked.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

# Python's cyclic garbage collector walks every object a worker holds (Django, Wagtail and
# their caches: hundreds of thousands once loaded) whenever 700 new objects outlive a
# collection: under load that stopped all of a worker's threads for up to a second now
# and then, and it was most of the slowest 5 % of answers (directory search with the
# page cache off, 20 clients: p95 572 → 250 ms, req/s +10 %). What the worker loaded
# before its first request is set aside for good, and young objects are looked at
# rarely; request objects are freed by reference counting anyway.
GC_THRESHOLDS = (50_000, 20, 100)


def post_worker_init(worker):
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
