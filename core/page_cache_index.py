"""The size bound of the page cache: at most PAGE_CACHE_MAX_ENTRIES pages, oldest out.

On Redis the index is a sorted set next to the entries (shared by every app server);
with a cache local to the process (LocMem, the tests and `make run`) it is a list in
that process, like the cache itself."""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

INDEX_KEY = "pc:index"


class RedisIndex:
    def __init__(self, backend):
        self.backend = backend
        self.index = backend.make_and_validate_key(INDEX_KEY)

    def _client(self):
        return self.backend._cache.get_client(self.index, write=True)

    def add(self, key):
        """Record an entry; returns the keys of the entries pushed out."""
        client = self._client()
        limit = settings.PAGE_CACHE_MAX_ENTRIES
        pipe = client.pipeline()
        pipe.zadd(self.index, {self.backend.make_and_validate_key(key): time.time()})
        pipe.zcard(self.index)
        _added, size = pipe.execute()
        if size <= limit:
            return []
        evicted = client.zpopmin(self.index, size - limit)
        full_keys = [member for member, _score in evicted]
        if full_keys:
            client.delete(*full_keys)
        return full_keys

    def size(self):
        return self._client().zcard(self.index)


class LocalIndex:
    def __init__(self, backend):
        self.backend = backend
        self.keys = OrderedDict()
        self.lock = threading.Lock()

    def add(self, key):
        with self.lock:
            self.keys.pop(key, None)
            self.keys[key] = None
            evicted = []
            while len(self.keys) > settings.PAGE_CACHE_MAX_ENTRIES:
                evicted.append(self.keys.popitem(last=False)[0])
        if evicted:
            self.backend.delete_many(evicted)
        return evicted

    def size(self):
        """Entries still in the cache (a cache.clear() empties the cache, not this list)."""
        with self.lock:
            keys = list(self.keys)
        present = self.backend.get_many(keys)
        with self.lock:
            for key in keys:
                if key not in present:
                    self.keys.pop(key, None)
        return len(present)


_local_indexes = {}
_lock = threading.Lock()


def index():
    """The index of the default cache. Django gives each thread its own cache object;
    LocMem ones share their storage, and so do their indexes."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return RedisIndex(backend)
    storage = id(getattr(backend, "_cache", backend))
    with _lock:
        if storage not in _local_indexes:
            _local_indexes[storage] = LocalIndex(backend)
        return _local_indexes[storage]
