"""Where core/counters.py keeps the counts of the minutes not drained yet: Redis when the
cache is on Redis (production, CI's second pass), else files under COUNTERS_DIR, which
the web server and the Celery worker of `make run` share as they share the broker's.

Both keep one open bucket per minute that counts are added to, and *batches*: closed
buckets moved aside under a name used once, read and deleted by the drain."""

import json
import os
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache


@dataclass
class Batch:
    name: str
    minute: int
    # kind → key → how many times counted.
    counts: dict
    where: object = field(default=None, repr=False)


def store():
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return RedisStore(cache)
    return FileStore(Path(settings.COUNTERS_DIR))


# Moves a closed minute aside, atomically: a count added later opens the minute again
# and is drained with the next run, as its own batch.
CLOSE_MINUTE = """
redis.call('SREM', KEYS[1], ARGV[1])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('RENAME', KEYS[2], KEYS[3])
  redis.call('SADD', KEYS[4], ARGV[2])
end
"""


class RedisStore:
    """``counts:<kind>:<minute>`` hashes (field: the key counted; HINCRBY), the set
    ``counts:open`` of those that exist, and ``counts:batches`` of the batches moved
    aside (``counts:batch:<kind>:<minute>:<random>``), under the cache's key prefix."""

    def __init__(self, cache):
        self.cache = cache
        # The cache's own client (core/redis_cache.py): its pool, one per process.
        self.client = cache._cache.get_client(write=True)

    def key(self, name):
        return self.cache.make_key(name)

    def add(self, minute, increments):
        pipe = self.client.pipeline(transaction=False)
        opened = set()
        for (kind, key), times in increments.items():
            pipe.hincrby(self.key(f"counts:{kind}:{minute}"), key, times)
            opened.add(f"{kind}:{minute}")
        pipe.sadd(self.key("counts:open"), *opened)
        pipe.execute()

    def close(self, *, before_minute):
        close = self.client.register_script(CLOSE_MINUTE)
        for member in self.client.smembers(self.key("counts:open")):
            bucket = member.decode()
            if int(bucket.rsplit(":", 1)[1]) >= before_minute:
                continue
            batch = f"{bucket}:{uuid.uuid4().hex}"
            keys = [
                self.key("counts:open"),
                self.key(f"counts:{bucket}"),
                self.key(f"counts:batch:{batch}"),
                self.key("counts:batches"),
            ]
            close(keys=keys, args=[bucket, batch])

    def batches(self):
        for member in sorted(self.client.smembers(self.key("counts:batches"))):
            name = member.decode()
            kind, minute, _random = name.rsplit(":", 2)
            counts = self.client.hgetall(self.key(f"counts:batch:{name}"))
            yield Batch(
                name=f"counts:{name}",
                minute=int(minute),
                counts={kind: {key.decode(): int(times) for key, times in counts.items()}},
                where=name,
            )

    def discard(self, batch):
        pipe = self.client.pipeline(transaction=False)
        pipe.delete(self.key(f"counts:batch:{batch.where}"))
        pipe.srem(self.key("counts:batches"), batch.where)
        pipe.execute()


class FileStore:
    """``open/<minute>.jsonl``: one JSON line ``[kind, key, times]`` per count, appended
    with a single write (O_APPEND: lines of several processes never mix); a closed file
    is renamed to ``batches/<minute>-<random>.jsonl``."""

    def __init__(self, directory):
        self.open_dir = directory / "open"
        self.batch_dir = directory / "batches"

    def add(self, minute, increments):
        lines = "".join(
            json.dumps([kind, key, times]) + "\n" for (kind, key), times in increments.items()
        )
        self.open_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.open_dir / f"{minute}.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, lines.encode())
        finally:
            os.close(fd)

    def close(self, *, before_minute):
        if not self.open_dir.is_dir():
            return
        self.batch_dir.mkdir(parents=True, exist_ok=True)
        for path in self.open_dir.glob("*.jsonl"):
            minute = int(path.stem)
            if minute < before_minute:
                try:
                    path.rename(self.batch_dir / f"{minute}-{uuid.uuid4().hex}.jsonl")
                except FileNotFoundError:  # another drain moved it first
                    continue

    def batches(self):
        if not self.batch_dir.is_dir():
            return
        for path in sorted(self.batch_dir.glob("*.jsonl")):
            counts = defaultdict(lambda: defaultdict(int))
            try:
                lines = path.read_text().splitlines()
            except FileNotFoundError:  # another drain deleted it
                continue
            for line in lines:
                try:
                    kind, key, times = json.loads(line)
                except ValueError:  # the end of a line whose writer was killed
                    continue
                counts[kind][key] += times
            yield Batch(
                name=f"counts:file:{path.stem}",
                minute=int(path.stem.split("-")[0]),
                counts={kind: dict(keys) for kind, keys in counts.items()},
                where=path,
            )

    def discard(self, batch):
        batch.where.unlink(missing_ok=True)
