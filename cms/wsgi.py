"""WSGI entry point for the app server (deploy/app_server.py) and runserver."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Python's cyclic garbage collector walks every object a process holds (Django, Wagtail and
# their caches: hundreds of thousands once loaded) whenever 700 new objects outlive a
# collection: under load that stopped all of a process's threads for up to a second now
# and then, and it was most of the slowest 5 % of answers (directory search with the page
# cache off, 20 clients: p95 572 → 250 ms, req/s +10 %). In an app-server process
# (deploy/app_server.py says so) what the site loaded before its first request is set
# aside for good, and young objects are looked at rarely; request objects are freed by
# reference counting anyway. Other importers (tests, tools) keep Python's defaults.
GC_THRESHOLDS = (50_000, 20, 100)
if os.environ.get("WEB_APP_SERVER") == "1":
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
