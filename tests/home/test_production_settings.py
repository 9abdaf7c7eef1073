"""Production settings: secrets from the environment, refuses to start without them."""

import os
import subprocess
import sys

from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def run_check(env_updates, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(env_updates, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [*MANAGE, "check", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({"ALLOWED_HOSTS": "academy.example"})

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"SECRET_KEY": "x" * 60})

    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_production_passes_the_deployment_checks():
    result = run_check(
        {
            "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
            "ALLOWED_HOSTS": "academy.example",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
