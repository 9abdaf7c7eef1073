"""Django's Redis cache backend, with one redis-py client per connection pool.

Django builds a new ``redis.Redis`` for every cache call, and each one copies about 170
response callbacks into a fresh dictionary: a tenth of a millisecond of CPU per call, a
fifth of what a page-cache hit costs. A client is only a view of its pool and is safe to
share between threads, so one per pool is kept."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

# Django's incr asks EXISTS, then INCRBY: two round trips for every rate-limited request
# (django-ratelimit counts with add + incr). The same check in one, on the server.
INCR_EXISTING = """
if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end
return false
"""

# A fixed window's count (core/rate_limits.py): the first requests of the window start
# it and its expiry, later ones add to it, in one round trip.
COUNT_IN_WINDOW = """
local count = redis.call('incrby', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('expire', KEYS[1], ARGV[1]) end
return count
"""


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._scripts = {}

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        value = self._script(client, INCR_EXISTING)(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def count_in_window(self, key, seconds, added):
        client = self.get_client(key, write=True)
        script = self._script(client, COUNT_IN_WINDOW)
        return script(keys=[key], args=[seconds, added], client=client)

    def _script(self, client, source):
        script = self._scripts.get((id(client), source))
        if script is None:
            script = self._scripts[id(client), source] = client.register_script(source)
        return script

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._pool_at(index))
        return client

    def _pool_at(self, index):
        if index not in self._pools:
            self._pools[index] = self._pool_class.from_url(
                self._servers[index], **self._pool_options
            )
        return self._pools[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        """Django checks every key, character by character, against memcached's limits
        (a warning when broken). Redis takes any key, and a page-cache hit reads about
        fifteen (the page and its tags' versions): the check was a tenth of its CPU. The
        test settings' local-memory cache still warns."""

    def count_in_window(self, key, seconds, added=1):
        """Add ``added`` to the count kept under ``key``, which lasts ``seconds`` from
        its first count; returns it (one round trip)."""
        return self._cache.count_in_window(self.make_key(key), seconds, added)

    def get_with_many(self, key, keys):
        """``get(key)`` and ``get_many(keys)`` in one command (MGET): a page-cache hit reads
        its page and its tags' versions together, without a pipeline's own bookkeeping
        (a twentieth of a hit's CPU)."""
        made = [self.make_key(key), *(self.make_key(other) for other in keys)]
        value, *values = self._cache.get_client(None).mget(made)
        loads = self._cache._serializer.loads
        found = {
            other: loads(kept) for other, kept in zip(keys, values, strict=True) if kept is not None
        }
        return (None if value is None else loads(value)), found
