"""The prod-smoke's read replica: a PostgreSQL streaming replica of the running server,
on loopback, that the app servers read through DATABASE_REPLICA_URL.

    replica.py allow              the primary accepts replication from 127.0.0.1 (exit 3: no)
    replica.py configure DIR PORT settings for the copy pg_basebackup made in DIR
    replica.py wait               until the replica has replayed all the primary wrote
    replica.py report SITE_JSON   anonymous pages read on the replica; a write's lag

DATABASE_URL names the primary and DATABASE_REPLICA_URL the replica (prod-smoke.sh)."""

import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import requests

HBA_LINE = "host replication all 127.0.0.1/32 trust"
# A standby must allow at least as much as its primary, or it refuses to start.
MATCH_PRIMARY = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)
NOT_ALLOWED = 3
HOW_TO_ALLOW = f"""The primary refuses replication connections from 127.0.0.1, so prod-smoke runs
without a read replica. To run it with one, as the PostgreSQL server's owner:
  add this line to pg_hba.conf (SHOW hba_file):  {HBA_LINE}
  make sure wal_level is replica and max_wal_senders > 0, then: SELECT pg_reload_conf();
  the user in SMOKE_PG_URL needs the REPLICATION attribute (or to be a superuser)."""


def server_url(name):
    """The server's address in libpq form, without the database."""
    url = urlsplit(os.environ[name])
    return url._replace(path="/postgres").geturl()


def _replication_refusal():
    """None when the primary accepts a replication connection, else its answer."""
    try:
        with psycopg.connect(server_url("DATABASE_URL"), replication="true", connect_timeout=5):
            return None
    except psycopg.OperationalError as error:
        return str(error).strip().splitlines()[-1]


def allow():
    """Adds the loopback replication line to pg_hba.conf once (and reloads) when the
    file is ours to change, as on this machine and CI; otherwise says how."""
    refusal = _replication_refusal()
    if refusal is None:
        return 0
    print(f"  replication connection refused: {refusal}")
    try:
        with psycopg.connect(server_url("DATABASE_URL"), autocommit=True) as primary:
            wal_level = primary.execute("SHOW wal_level").fetchone()[0]
            senders = int(primary.execute("SHOW max_wal_senders").fetchone()[0])
            if wal_level == "minimal" or senders == 0:
                print(f"  wal_level={wal_level}, max_wal_senders={senders}\n{HOW_TO_ALLOW}")
                return NOT_ALLOWED
            hba_file = Path(primary.execute("SHOW hba_file").fetchone()[0])
            rules = hba_file.read_text()
            if HBA_LINE not in rules.splitlines():
                # First match wins in pg_hba.conf: a line on top beats a later reject.
                hba_file.write_text(
                    f"# Added by Beauty Skills Academy's prod-smoke (read replica).\n"
                    f"{HBA_LINE}\n{rules}"
                )
                print(f"  added to {hba_file}: {HBA_LINE}")
            primary.execute("SELECT pg_reload_conf()")
    except (OSError, psycopg.errors.InsufficientPrivilege) as error:
        print(f"  cannot change the server's rules: {error}\n{HOW_TO_ALLOW}")
        return NOT_ALLOWED
    for _ in range(20):  # the reload is asynchronous
        if (refusal := _replication_refusal()) is None:
            return 0
        time.sleep(0.25)
    print(f"  still refused: {refusal}\n{HOW_TO_ALLOW}")
    return NOT_ALLOWED


def configure(data_dir, port):
    """A configuration of its own: the copy of a Debian cluster has none (it lives in
    /etc), and the primary's port, sockets and TLS files are not the replica's."""
    data_dir = Path(data_dir)
    with psycopg.connect(server_url("DATABASE_URL")) as primary:
        matched = {
            name: primary.execute(f"SHOW {name}").fetchone()[0]  # noqa: S608 (names above)
            for name in MATCH_PRIMARY
        }
    settings = {
        "port": port,
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": "''",
        "hot_standby": "on",
        "shared_buffers": "'32MB'",
        "fsync": "off",
        "logging_collector": "off",
        "hba_file": f"'{data_dir / 'pg_hba.conf'}'",
        "ident_file": f"'{data_dir / 'pg_ident.conf'}'",
        **matched,
    }
    (data_dir / "postgresql.conf").write_text(
        "".join(f"{name} = {value}\n" for name, value in settings.items())
    )
    (data_dir / "pg_hba.conf").write_text("host all all 127.0.0.1/32 trust\n")
    (data_dir / "pg_ident.conf").write_text("")
    return 0


def wait():
    """Until the replica streams and has replayed everything the primary has written so
    far (the migrations and the demo), so that the first page it serves is complete."""
    deadline = time.monotonic() + 120
    with psycopg.connect(server_url("DATABASE_URL"), autocommit=True) as primary:
        target = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    state = "not answering"
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(server_url("DATABASE_REPLICA_URL"), connect_timeout=2) as replica:
                streaming, caught_up = replica.execute(
                    "SELECT pg_is_in_recovery() AND EXISTS ("
                    "  SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'),"
                    " pg_last_wal_replay_lsn() >= %s::pg_lsn",
                    [target],
                ).fetchone()
            if streaming and caught_up:
                print(f"  replica streaming, replayed the primary's WAL up to {target}")
                return 0
            state = "replaying" if streaming else "not streaming"
        except psycopg.OperationalError:
            pass
        time.sleep(0.25)
    print(f"the replica has not caught up with the primary ({target}) in 120 s: {state}")
    return 1


def _commits(replica, database):
    return replica.execute(
        "SELECT xact_commit FROM pg_stat_database WHERE datname = %s", [database]
    ).fetchone()[0]


def _app_connections(replica, database):
    return replica.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        [database],
    ).fetchone()[0]


def _anonymous_page_loads(site):
    """Searches no cache has seen (a term of their own) and pages, as a visitor."""
    base = os.environ["SMOKE_BASE_URL"].rstrip("/")
    searches = [site["catalogue_url"], site["directory_url"] or site["catalogue_url"]]
    paths = [f"{path}?q=smoke{index}" for index in range(8) for path in searches]
    paths += [site["course_url"], "/fr/", "/en/"]
    for path in paths:
        response = requests.get(base + path, timeout=30, verify=os.environ["SMOKE_CA_FILE"])
        response.raise_for_status()
    return len(paths)


def _write_lag(primary, replica):
    """A write on the primary (the journey's newest account, touched) and how long the
    replica takes to replay it."""
    with primary.transaction():
        user_id = primary.execute(
            "UPDATE accounts_user SET last_name = last_name "
            "WHERE id = (SELECT max(id) FROM accounts_user) RETURNING id"
        ).fetchone()[0]
    written = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    started = time.monotonic()
    while time.monotonic() - started < 10:
        caught_up = replica.execute(
            "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]
        ).fetchone()[0]
        if caught_up:
            seen = replica.execute(
                "SELECT count(*) FROM accounts_user WHERE id = %s", [user_id]
            ).fetchone()[0]
            return user_id, written, (time.monotonic() - started) * 1000, seen == 1
        time.sleep(0.005)
    return user_id, written, None, False


def report(site_json):
    site = json.loads(Path(site_json).read_text())
    database = urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")
    with (
        psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as primary,
        psycopg.connect(os.environ["DATABASE_REPLICA_URL"], autocommit=True) as replica,
    ):
        before = _commits(replica, database)
        loads = _anonymous_page_loads(site)
        # Backends publish their counters when idle, at most every 10 s.
        deadline = time.monotonic() + 12
        while (after := _commits(replica, database)) <= before and time.monotonic() < deadline:
            time.sleep(0.5)
        connections = _app_connections(replica, database)
        user_id, lsn, lag_ms, seen = _write_lag(primary, replica)
    print(
        f"  replica: {loads} anonymous page loads, xact_commit on the replica "
        f"{before} -> {after}, {connections} app server connections to it"
    )
    if lag_ms is None or not seen:
        print(f"  FAIL  the write to account #{user_id} (LSN {lsn}) is not on the replica")
        return 1
    print(
        f"  replica: a write on the primary (account #{user_id}, LSN {lsn}) was visible there after {lag_ms:.0f} ms"
    )
    if after <= before:
        print("  FAIL  no transaction on the replica during anonymous page loads")
        return 1
    return 0


COMMANDS = {"allow": allow, "configure": configure, "wait": wait, "report": report}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit(__doc__)
    sys.exit(COMMANDS[sys.argv[1]](*sys.argv[2:]))
