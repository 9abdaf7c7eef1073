"""nginx's page cache (deploy/nginx.conf.template) in front of a local fake app server:
what the app marks shareable is served from the cache, nothing personal is, and the
purge backend Wagtail calls on publish (core.frontend_purge) drops a page's copies."""

import functools
import shutil
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from django.conf import settings

from core.frontend_purge import NginxPurgeBackend
from tests.prod.test_deploy_files import render_template

from ..ports import free_port

PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = pytest.mark.skipif(
    not (Path(NGINX).exists() and PURGE_MODULE.exists() and shutil.which("openssl")),
    reason="nginx, its cache-purge module and openssl are installed by `make prod-deps`",
)


class FakeApp(BaseHTTPRequestHandler):
    """Answers every page with the current `version` and the Cache-Control the real
    app sends: shareable for anonymous pages, private for /private/."""

    version = 1
    seen = []

    def do_GET(self):
        FakeApp.seen.append((self.path, self.headers.get("Cookie")))
        saver = self.headers.get("Save-Data") == "on" or "data_saver=on" in (
            self.headers.get("Cookie") or ""
        )
        body = f"{self.path} v{FakeApp.version} {'saver' if saver else 'light'}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Language" if self.path == "/" else "Cookie, Save-Data")
        if self.path.startswith("/private/"):
            self.send_header("Cache-Control", "private, no-store")
        elif self.path.startswith("/fr/with-cookie/"):
            self.send_header("Cache-Control", "public, max-age=0, s-maxage=60")
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        else:
            self.send_header("Cache-Control", "public, max-age=0, s-maxage=60")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def edge():
    # nginx's workers run as nobody: every folder up to its cache must be open to them
    # (pytest's own temporary folders are not).
    run_dir = Path(tempfile.mkdtemp(prefix="bsa-edge-test-"))
    run_dir.chmod(0o755)
    app = ThreadingHTTPServer(("127.0.0.1", 0), FakeApp)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(run_dir / "key.pem"), "-out", str(run_dir / "cert.pem")),
        ],
        check=True,
        capture_output=True,
    )
    listen, purge = free_port(), free_port()
    config = render_template.render(
        (settings.BASE_DIR / "deploy" / "nginx.conf.template").read_text(),
        {
            "RUN_DIR": str(run_dir),
            "LISTEN": f"127.0.0.1:{listen}",
            "SERVER_NAME": "127.0.0.1",
            "TLS_CERT": str(run_dir / "cert.pem"),
            "TLS_KEY": str(run_dir / "key.pem"),
            "UPSTREAM_SERVERS": f"server 127.0.0.1:{app.server_address[1]};",
            "ASGI_SERVERS": f"server 127.0.0.1:{app.server_address[1]};",
            "EDGE_CACHE": "edge_pages",
            "PURGE_MODULE": str(PURGE_MODULE),
            "PURGE_LISTEN": f"127.0.0.1:{purge}",
        },
    )
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / folder).mkdir(mode=0o1777)
        (run_dir / folder).chmod(0o1777)
    (run_dir / "nginx.conf").write_text(config)
    nginx = subprocess.Popen(
        [NGINX, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"https://127.0.0.1:{listen}"
    for _ in range(100):
        try:
            requests.get(base + "/healthz", verify=str(run_dir / "cert.pem"), timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.05)
    session = requests.Session()
    # Not session.verify: REQUESTS_CA_BUNDLE in the environment would win over it.
    session.request = functools.partial(session.request, verify=str(run_dir / "cert.pem"))
    backend = NginxPurgeBackend(
        {"LOCATION": f"http://127.0.0.1:{purge}", "HOST": f"127.0.0.1:{listen}"}
    )
    yield base, session, backend
    nginx.terminate()
    nginx.wait(timeout=10)
    app.shutdown()
    shutil.rmtree(run_dir, ignore_errors=True)


def get(edge, path, **kwargs):
    base, session, _backend = edge
    response = session.get(base + path, **kwargs)
    return response.headers.get("X-Cache-Status"), response.text


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(edge):
    FakeApp.version = 1

    assert get(edge, "/fr/cours/a/") == ("MISS", "/fr/cours/a/ v1 light")
    FakeApp.version = 2
    assert get(edge, "/fr/cours/a/") == ("HIT", "/fr/cours/a/ v1 light")


def test_a_purge_drops_the_page_and_the_next_visitor_gets_the_new_one(edge):
    FakeApp.version = 1
    get(edge, "/fr/cours/b/")
    get(edge, "/fr/cours/b/", headers={"Save-Data": "on"})
    FakeApp.version = 2

    edge[2].purge("http://localhost:8000/fr/cours/b/")

    assert get(edge, "/fr/cours/b/") == ("MISS", "/fr/cours/b/ v2 light")
    assert get(edge, "/fr/cours/b/", headers={"Save-Data": "on"}) == (
        "MISS",
        "/fr/cours/b/ v2 saver",
    )
    assert get(edge, "/fr/cours/b/")[0] == "HIT"


def test_purging_a_page_that_was_never_cached_is_quietly_nothing(edge, caplog):
    edge[2].purge("http://localhost:8000/fr/never-seen/")

    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_a_signed_in_request_never_reads_nor_fills_the_cache(edge):
    FakeApp.version = 1
    get(edge, "/fr/cours/c/")
    FakeApp.version = 2

    signed_in = get(edge, "/fr/cours/c/", cookies={"sessionid": "s3cret"})
    again = get(edge, "/fr/cours/c/", cookies={"sessionid": "s3cret"})

    assert signed_in == ("BYPASS", "/fr/cours/c/ v2 light")
    assert again[0] == "BYPASS"
    # What the signed-in person got was not stored for the next visitor.
    assert get(edge, "/fr/cours/c/") == ("HIT", "/fr/cours/c/ v1 light")


@pytest.mark.parametrize(
    "personal",
    [{"cookies": {"messages": "x"}}, {"headers": {"Authorization": "Bearer t0ken"}}],
)
def test_a_waiting_message_or_an_api_token_bypasses_the_cache(edge, personal):
    get(edge, "/fr/cours/d/")

    assert get(edge, "/fr/cours/d/", **personal)[0] == "BYPASS"


def test_data_saver_visitors_get_their_own_copy(edge):
    FakeApp.version = 1

    assert get(edge, "/fr/cours/e/") == ("MISS", "/fr/cours/e/ v1 light")
    assert get(edge, "/fr/cours/e/", cookies={"data_saver": "on"}) == (
        "MISS",
        "/fr/cours/e/ v1 saver",
    )
    assert get(edge, "/fr/cours/e/", headers={"Save-Data": "on"})[0] == "HIT"
    assert get(edge, "/fr/cours/e/", cookies={"data_saver": "off"}) == (
        "HIT",
        "/fr/cours/e/ v1 light",
    )


def test_private_pages_and_answers_that_set_a_cookie_are_never_kept(edge):
    get(edge, "/private/account/")
    get(edge, "/fr/with-cookie/")

    assert get(edge, "/private/account/")[0] == "MISS"
    assert get(edge, "/fr/with-cookie/")[0] == "MISS"


def test_static_files_pass_through_untouched(edge):
    get(edge, "/static/css/site.abc123.css")

    assert get(edge, "/static/css/site.abc123.css")[0] == "BYPASS"


def test_another_query_string_is_another_page(edge):
    FakeApp.version = 1
    get(edge, "/fr/annuaire/?q=tresses")

    assert get(edge, "/fr/annuaire/?q=ongles")[0] == "MISS"
    assert get(edge, "/fr/annuaire/?q=tresses")[0] == "HIT"


def test_the_bench_can_reach_the_app_behind_the_cache_from_this_host(edge):
    get(edge, "/fr/cours/f/")

    assert get(edge, "/fr/cours/f/", headers={"X-Edge-Bypass": "1"})[0] == "BYPASS"
    assert get(edge, "/fr/cours/f/")[0] == "HIT"


def test_an_answer_that_varies_by_language_is_never_kept(edge):
    get(edge, "/", headers={"Accept-Language": "en"})

    assert get(edge, "/", headers={"Accept-Language": "fr"})[0] == "MISS"
