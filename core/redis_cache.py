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


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._incr_scripts = {}

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        script = self._incr_scripts.get(id(client))
        if script is None:
            script = self._incr_scripts[id(client)] = client.register_script(INCR_EXISTING)
        value = script(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

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

    def get_with_many(self, key, keys):
        """``get(key)`` and ``get_many(keys)`` in one round trip (a pipeline): a page-cache
        hit reads its page and its tags' versions together."""
        made = [self.make_key(other) for other in keys]
        pipeline = self._cache.get_client(None).pipeline(transaction=False)
        pipeline.get(self.make_key(key))
        if made:
            pipeline.mget(made)
        value, *values = pipeline.execute()
        loads = self._cache._serializer.loads
        found = {
            other: loads(kept)
            for other, kept in zip(keys, values[0] if values else [], strict=True)
            if kept is not None
        }
        return (None if value is None else loads(value)), found
