"""Small functions that turn a few inputs (a URL, a folder) into settings values, so
base.py and each environment file state their inputs and not the shapes. They read
nothing themselves: the environment is read by dev.py, test.py and production.py."""

import dj_database_url


def database(url, *, conn_max_age=0):
    """One DATABASES entry. An SQLite file gets WAL and immediate transactions, so the
    web server and the Celery worker can write to it without "database is locked"."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def replica_databases(urls, *, conn_max_age=0, **extra):
    """DATABASES entries for read replicas, from a comma-separated list of addresses:
    "replica", then "replica_2", "replica_3"… (core/read_replica.py picks one per
    request). Each has the primary's shape, at another address."""
    addresses = [url.strip() for url in urls.split(",") if url.strip()]
    return {
        ("replica" if number == 1 else f"replica_{number}"): {
            **database(url, conn_max_age=conn_max_age),
            **extra,
        }
        for number, url in enumerate(addresses, start=1)
    }


def redis_caches(url, *, key_prefix):
    """CACHES on Redis. A Redis that stops answering must fail a request, not hang it."""
    return {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"socket_connect_timeout": 5, "socket_timeout": 5},
        },
        # Wagtail writes the rendition it used back to its cache at every `{% image %}`,
        # even one read with the page (prefetched): a Redis round trip per picture, 24 on
        # a catalogue page. Kept in each process instead; a rendition never changes under
        # its key (image, filter, focal point), and five minutes bound what a deleted one
        # leaves behind in the other processes.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }


def redis_channel_layers(url, *, prefix):
    """CHANNEL_LAYERS on Redis, so an event published by any process (an app server, a
    Celery worker) reaches a socket held by any ASGI server.

    Redis Pub/Sub rather than channels_redis' list-based RedisChannelLayer: every event
    is also in the database and a page catches up from its last id, so the layer only
    has to be fast and fire-and-forget. A group_send is then one PUBLISH whatever the
    group's size, no per-socket queue fills up behind a slow phone (ChannelFull), and
    membership is not kept in Redis with a 24-hour expiry that would silently drop a
    socket left open for longer. Its "beta" label is covered by the pinned version and
    the cross-server tests (tests/messaging/test_realtime_servers.py, prod-smoke)."""
    return {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [{"address": url}], "prefix": prefix},
        }
    }


def file_broker_options(folder):
    """Celery's broker made of files: `make run` needs no server and the worker and web
    share the queue. cms/celery.py creates the folders when the app is configured."""
    return {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        "control_folder": str(folder / "control"),
        "store_processed": False,
    }


def local_storages(storages, private_root):
    """STORAGES with the private files and the Wagtail images under ``private_root``."""
    return {
        **storages,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private_root), "base_url": None},
        },
        # Wagtail images and renditions: private, served by course_pages/image_views.py.
        "images": {
            "BACKEND": "core.image_storage.GatedImageStorage",
            "OPTIONS": {"location": str(private_root / "images")},
        },
    }
