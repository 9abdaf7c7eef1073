"""The settings files: base.py reads no environment and makes nothing on disk, dev
prints links to the port `make run` serves on, beat runs every periodic task we wrote."""

import json
import os
import subprocess
import sys

from django.conf import settings

from cms.celery import app, make_file_broker_folders
from cms.settings.builders import file_broker_options

# Prints a few settings of the module named in argv[1], as the site would see them.
READ_SETTINGS = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({name: str(getattr(module, name)) for name in sys.argv[2:]}))
"""


def read_settings(module, names, env):
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS, module, *names],
        env={"PATH": os.environ.get("PATH", ""), **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_base_settings_ignore_the_environment_and_make_no_folder(tmp_path):
    names = ["REDIS_URL", "MEDIA_ROOT", "WAGTAILADMIN_BASE_URL", "TRUSTED_PROXY_COUNT"]
    env = {
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BSA_VAR_DIR": str(tmp_path / "var"),
        "WAGTAILADMIN_BASE_URL": "https://elsewhere.example",
        "TRUSTED_PROXY_COUNT": "3",
    }

    described = read_settings("cms.settings.base", names, env)

    assert described == {
        "REDIS_URL": "",
        "MEDIA_ROOT": str(settings.BASE_DIR / "media"),
        "WAGTAILADMIN_BASE_URL": "http://localhost:8000",
        "TRUSTED_PROXY_COUNT": "0",
    }
    assert list(tmp_path.iterdir()) == []


def test_dev_links_use_the_port_make_run_serves_on():
    names = ["WAGTAILADMIN_BASE_URL", "CHECKOUT_PUBLIC_BASE_URL", "CERTIFICATE_PUBLIC_BASE_URL"]

    described = read_settings("cms.settings.dev", names, {"SITE_PORT": "8011"})

    assert described == dict.fromkeys(names, "http://localhost:8011")


def test_dev_links_default_to_port_8000():
    described = read_settings("cms.settings.dev", ["WAGTAILADMIN_BASE_URL"], {})

    assert described == {"WAGTAILADMIN_BASE_URL": "http://localhost:8000"}


def test_the_file_broker_folders_are_made_when_celery_is_configured(tmp_path):
    class Sender:
        class conf:
            broker_url = "filesystem://"
            broker_transport_options = file_broker_options(tmp_path / "broker")

    make_file_broker_folders(Sender)

    assert (tmp_path / "broker" / "control").is_dir()


def test_beat_runs_only_tasks_the_worker_knows():
    app.loader.import_default_modules()

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled == {
        "enrolment.tasks.escalate_waiting_submissions",
        "enrolment.tasks.rebuild_co_enrolments",
        "enrolment.motivation.tasks.remind_streaks",
        "certificates.badges.tasks.sweep_badges",
        "checkout.tasks.poll_pending_payments",
        "checkout.tasks.check_pending_refunds",
        "checkout.subscription_tasks.remind_expiring_subscriptions",
        "checkout.renewal_tasks.renew_due_subscriptions",
        "checkout.tasks.check_ledger",
        "notifications.tasks.requeue_stuck_messages",
        "booking.tasks.requeue_stuck_refunds",
        "analytics.tasks.roll_up_recent",
        "core.tasks.drain_counters",
        "analytics.tasks.create_event_partitions",
        "booking.tasks.expire_unpaid_holds",
        "booking.tasks.send_due_reminders",
        "notifications.digest.send_daily_digests",
        "notifications.tasks.release_held_messages",
        "live.tasks.send_due_reminders",
        "community.challenges.tasks.freeze_due_results",
        "community.mentorship.tasks.end_due_mentorships",
    }
    assert scheduled <= set(app.tasks)
