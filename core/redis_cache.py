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
