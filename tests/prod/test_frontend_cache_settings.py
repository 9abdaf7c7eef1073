"""Production settings: each front cache the environment names gets its backend
(wagtail.contrib.frontend_cache's); the app itself, whose signal handlers would purge
inside the publish transaction, is never installed (core.frontend_purge purges after
commit)."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

from tests.home.test_production_settings import SECRETS, production_env

DESCRIBE = """
import json
import django
django.setup()
from django.apps import apps
from django.conf import settings
print(json.dumps({
    "installed": apps.is_installed("wagtail.contrib.frontend_cache"),
    "backends": {
        name: {key: value for key, value in config.items()}
        for name, config in getattr(settings, "WAGTAILFRONTENDCACHE", {}).items()
    },
}))
"""
FRONT_CACHE_NAMES = (
    "FRONTEND_CACHE_PURGE_URL",
    "FRONTEND_CACHE_HOST",
    "CLOUDFLARE_ZONEID",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_KEY",
    "CLOUDFRONT_DISTRIBUTION_ID",
)


def describe(env_updates):
    env = production_env(env_updates)
    for name in FRONT_CACHE_NAMES:
        if name not in env_updates:
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", DESCRIBE],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def described(env_updates):
    result = describe(env_updates)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_purge_target_nothing_is_installed():
    assert described(SECRETS) == {"installed": False, "backends": {}}


def test_nginx_purge_listener_from_the_environment():
    found = described({**SECRETS, "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:8081"})

    assert found == {
        "installed": False,
        "backends": {
            "nginx": {
                "BACKEND": "core.frontend_purge.NginxPurgeBackend",
                "LOCATION": "http://127.0.0.1:8081",
                "HOST": "",
            }
        },
    }


def test_cloudflare_with_an_api_token_and_cloudfront_side_by_side():
    found = described(
        {
            **SECRETS,
            "CLOUDFLARE_ZONEID": "zone-1",
            "CLOUDFLARE_BEARER_TOKEN": "t0ken",
            "CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )

    assert found["installed"] is False
    assert found["backends"] == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone-1",
            "BEARER_TOKEN": "t0ken",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        },
    }


@pytest.mark.parametrize("missing", ["CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"])
def test_cloudflare_without_a_token_needs_both_halves_of_the_old_key(missing):
    env = {**SECRETS, "CLOUDFLARE_ZONEID": "zone-1"}
    env.update(dict.fromkeys(("CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY"), "x@example.cm"))
    del env[missing]

    result = describe(env)

    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
