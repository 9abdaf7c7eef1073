"""The deploy/ helpers: the nginx template renders to a config nginx accepts, a
half-rendered config is refused, and the smoke never drops a database it did not make."""

import shutil
import subprocess
from pathlib import Path

import pytest

from .deploy_files import DEPLOY, load

render_template = load(DEPLOY / "render_template.py")
datastores = load(DEPLOY / "smoke" / "datastores.py")


def test_a_template_is_filled_from_the_given_values():
    assert render_template.render("listen {{LISTEN}};", {"LISTEN": "443"}) == "listen 443;"


def test_a_template_with_an_unset_name_is_refused_whole():
    with pytest.raises(SystemExit, match="Set LISTEN, TLS_KEY to render the template."):
        render_template.render("{{LISTEN}} {{TLS_KEY}} {{LISTEN}}", {})


def test_nginx_variables_are_left_for_nginx():
    assert render_template.render("$http_host {{A}}", {"A": "x"}) == "$http_host x"


PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


@pytest.mark.skipif(
    not (shutil.which("nginx") and shutil.which("openssl") and PURGE_MODULE.exists()),
    reason="nginx, its cache-purge module and openssl are installed by `make prod-deps`",
)
def test_the_rendered_nginx_config_passes_nginx_own_check(tmp_path):
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(tmp_path / "key.pem")),
            *("-out", str(tmp_path / "cert.pem")),
        ],
        check=True,
        capture_output=True,
    )
    config = render_template.render(
        (DEPLOY / "nginx.conf.template").read_text(),
        {
            "RUN_DIR": str(tmp_path),
            "LISTEN": "127.0.0.1:8443",
            "SERVER_NAME": "academy.example",
            "TLS_CERT": str(tmp_path / "cert.pem"),
            "TLS_KEY": str(tmp_path / "key.pem"),
            "UPSTREAM_SERVERS": "server 127.0.0.1:8001;\nserver 127.0.0.1:8002;",
            "ASGI_SERVERS": "server 127.0.0.1:8101;\nserver 127.0.0.1:8102;",
            "EDGE_CACHE": "edge_pages",
            "PURGE_MODULE": str(PURGE_MODULE),
            "PURGE_LISTEN": "127.0.0.1:8081",
        },
    )
    (tmp_path / "nginx.conf").write_text(config)

    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "add_header X-App-Server $upstream_addr always;" in config
    assert "location /ws/ {" in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config


@pytest.mark.parametrize("name", ["postgres", "template1", ""])
def test_the_smoke_refuses_to_create_or_drop_a_shared_database(monkeypatch, name):
    monkeypatch.setenv("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{name}")

    with pytest.raises(SystemExit, match="Refusing"):
        datastores.database_parts()


def test_the_smoke_works_on_its_own_database_through_the_maintenance_one(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bsa_smoke")

    maintenance, name = datastores.database_parts()

    assert name == "bsa_smoke"
    assert maintenance == "postgres://postgres@127.0.0.1:5432/postgres"
