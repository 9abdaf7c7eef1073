"""deploy/app_server.py: granian serving a WSGI application with the settings the
environment gives (the site itself is served by it in `make prod-smoke`)."""

import os
import subprocess
import sys
import time

import pytest
import requests

from ..ports import free_port
from .deploy_files import DEPLOY, load

LAUNCHER = DEPLOY / "app_server.py"
app_server = load(LAUNCHER)

HELLO = """
import os

def application(environ, start_response):
    body = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']} {os.environ.get('WEB_APP_SERVER')}"
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body.encode()]
"""


def test_the_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_BIND", "127.0.0.1:8123")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("WEB_THREADS", "5")
    monkeypatch.setenv("WEB_MAX_RSS_MB", "900")
    monkeypatch.delenv("WEB_ACCESS_LOG", raising=False)

    server = app_server.server("cms.wsgi:application")

    assert (server.bind_addr, server.bind_port) == ("127.0.0.1", 8123)
    assert (server.workers, server.blocking_threads) == (3, 5)
    assert server.workers_rss == 900 * 1024 * 1024
    assert server.websockets is False
    assert server.interface.value == "wsgi"
    assert server.log_access is False
    assert server.respawn_failed_workers is True


def test_without_a_bind_it_listens_on_port_or_8000(monkeypatch):
    monkeypatch.delenv("WEB_BIND", raising=False)
    monkeypatch.setenv("PORT", "5001")
    assert app_server.bind() == (app_server.ALL_INTERFACES, 5001)
    monkeypatch.delenv("PORT")
    assert app_server.bind() == (app_server.ALL_INTERFACES, 8000)


@pytest.mark.timeout(60)
def test_it_serves_a_wsgi_application_and_stops_on_term(tmp_path):
    (tmp_path / "hello.py").write_text(HELLO)
    port = free_port()
    env = {**os.environ, "WEB_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    server = subprocess.Popen(
        [sys.executable, str(LAUNCHER), "hello:application"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        answer = None
        for _ in range(100):
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/fr/bonjour", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert answer is not None, "the app server did not listen"
        assert answer.status_code == 200
        # Each process is told it serves (cms/wsgi.py tunes its garbage collector then).
        assert answer.text == "GET /fr/bonjour 1"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode is not None
