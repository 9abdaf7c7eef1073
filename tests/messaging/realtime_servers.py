"""Real ASGI servers for the cross-server tests and benches: uvicorn processes on
loopback, started with the test settings on the test's PostgreSQL database and Redis,
so a socket on one and an event published by another meet only through Redis."""

import os
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
import requests
from django.conf import settings
from django.db import connection

from ..ports import free_port


def needs_shared_stores():
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip(
            "two servers share sockets' events through Redis and read the test database: "
            "run with DATABASE_URL (PostgreSQL) and REDIS_URL"
        )


class AsgiServer:
    def __init__(self, log_path):
        self.port = free_port()
        self.log_path = log_path
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def socket_url(self):
        return f"ws://127.0.0.1:{self.port}/ws/live/"

    def start(self):
        database = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.messaging.server_settings",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}",
        }
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "cms.asgi:application"),
                *("--host", "127.0.0.1", "--port", str(self.port), "--ws", "websockets-sansio"),
                *("--ws-max-size", "65536", "--no-access-log", "--log-level", "warning"),
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log_path.open("w"),
        )
        return self

    def wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.log_path.read_text())
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"no answer on {self.url}: {self.log_path.read_text()}")

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User + system CPU time the server has used so far."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Writer:
    """A signed-in person sending messages through a server's HTTP send view
    (/fr/messages/<id>/send/), as the conversation page does (JSON answer)."""

    def __init__(self, server, user):
        from django.utils.crypto import get_random_string

        from .realtime_helpers import session_cookie

        self.server = server
        self.http = requests.Session()
        name, key = session_cookie(user).split("=", 1)
        csrf = get_random_string(32)
        self.http.cookies.set(name, key)
        self.http.cookies.set(settings.CSRF_COOKIE_NAME, csrf)
        self.http.headers.update({"X-CSRFToken": csrf, "Accept": "application/json"})

    def send(self, conversation_id, text):
        response = self.http.post(
            f"{self.server.url}/fr/messages/{conversation_id}/send/",
            data={"text": text, "client_key": uuid.uuid4().hex},
            timeout=10,
        )
        assert response.status_code == 200, response.text[:500]
        return response.json()["id"]


def wait_until_offline(user_ids, seconds=30):
    """Until the servers have handled the closing of these people's sockets (they write
    "last seen"), so that no server writes while the test's database is emptied."""
    from messaging.presence import online_ids

    deadline = time.monotonic() + seconds
    while online_ids(user_ids):
        if time.monotonic() > deadline:
            raise AssertionError("the servers did not see the sockets close")
        time.sleep(0.05)


def start_servers(tmp_path, count):
    servers = [AsgiServer(tmp_path / f"asgi-{index}.log").start() for index in range(count)]
    try:
        for server in servers:
            server.wait_until_ready()
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers
