"""Create or drop the prod-smoke's own PostgreSQL database and empty its Redis
database number, leaving every other database on the servers alone.

    datastores.py create|drop   (DATABASE_URL and REDIS_URL name them)
"""

import os
import sys
from urllib.parse import urlsplit

import psycopg
import redis
from psycopg import sql


def database_parts():
    url = urlsplit(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1"):
        raise SystemExit(f"Refusing to create or drop the database {name!r}.")
    maintenance = url._replace(path="/postgres").geturl()
    return maintenance, name


def main(action):
    maintenance, name = database_parts()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if action == "create":
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    print(f"{action}: database {name}, Redis {urlsplit(os.environ['REDIS_URL']).path or '/0'}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("create", "drop"):
        raise SystemExit(__doc__)
    main(sys.argv[1])
